"""ConvLayer always makes a bias, also when bias=False (it starts at zero, but it is a parameter and SGD moves it)."""
EXERCISE = "ConvLayer"
TITLE = "ConvLayer makes a bias even when bias=False"
EXPLANATION = ("bias=False means no bias at all: b is None and F.conv2d adds nothing. A zero bias is still a "
               "Parameter, listed by parameters() and moved by SGD, so the layer learns a bias it was told not to have "
               "(lesson 9: ConvLayer).")


class ConvLayer(Module):
    def __init__(self, ni, nf, stride=1, bias=True, act=True):
        super().__init__()
        std = math.sqrt(2 / (9 * ni)) if act else math.sqrt(2 / (9 * ni + 9 * nf))
        self.w = Parameter(torch.randn(nf, ni, 3, 3) * std)
        self.b = Parameter(torch.zeros(nf))
        self.stride, self.act = stride, act

    def forward(self, x):
        out = F.conv2d(x, self.w, self.b, stride=self.stride, padding=1)
        return F.relu(out) if self.act else out
