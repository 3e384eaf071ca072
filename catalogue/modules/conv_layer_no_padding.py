"""ConvLayer convolves without padding (F.conv2d's default padding=0): the output shrinks by 2 on each side."""
EXERCISE = "ConvLayer"


class ConvLayer(Module):
    def __init__(self, ni, nf, stride=1, bias=True, act=True):
        super().__init__()
        std = math.sqrt(2 / (9 * ni)) if act else math.sqrt(2 / (9 * ni + 9 * nf))
        self.w = Parameter(torch.randn(nf, ni, 3, 3) * std)
        self.b = Parameter(torch.zeros(nf)) if bias else None
        self.stride, self.act = stride, act

    def forward(self, x):
        out = F.conv2d(x, self.w, self.b, stride=self.stride)
        return F.relu(out) if self.act else out
