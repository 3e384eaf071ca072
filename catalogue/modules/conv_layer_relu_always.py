"""ConvLayer applies relu whether or not act is set."""
EXERCISE = "ConvLayer"
TITLE = "ConvLayer applies relu even when act=False"
EXPLANATION = ("act says whether a relu follows the convolution. A layer built with act=False, such as a model's last, "
               "returns the convolution's output as it is, negative values included (lesson 9: ConvLayer).")


class ConvLayer(Module):
    def __init__(self, ni, nf, stride=1, bias=True, act=True):
        super().__init__()
        std = math.sqrt(2 / (9 * ni)) if act else math.sqrt(2 / (9 * ni + 9 * nf))
        self.w = Parameter(torch.randn(nf, ni, 3, 3) * std)
        self.b = Parameter(torch.zeros(nf)) if bias else None
        self.stride = stride

    def forward(self, x):
        return F.relu(F.conv2d(x, self.w, self.b, stride=self.stride, padding=1))
