"""ConvLayer convolves without padding (F.conv2d's default padding=0): the output loses a pixel at each border."""
EXERCISE = "ConvLayer"
TITLE = "ConvLayer convolves without padding"
EXPLANATION = ("F.conv2d pads nothing by default, so a 3x3 kernel loses a pixel at each border: an H x W image comes "
               "out (H - 2) x (W - 2). padding=1 keeps the size at stride 1, and gives ceil(H / stride) otherwise "
               "(lesson 9: ConvLayer).")


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
