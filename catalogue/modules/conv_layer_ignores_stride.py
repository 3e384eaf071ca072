"""ConvLayer stores stride but convolves with stride 1: a stride-2 layer does not halve the image."""
EXERCISE = "ConvLayer"
TITLE = "ConvLayer convolves with stride 1 whatever stride it was given"
EXPLANATION = ("The stride is stored but never passed on: F.conv2d(x, self.w, self.b, stride=self.stride, padding=1). "
               "A stride-2 layer should halve the height and width; with stride 1 the image keeps its full size "
               "(lesson 9: ConvLayer).")


class ConvLayer(Module):
    def __init__(self, ni, nf, stride=1, bias=True, act=True):
        super().__init__()
        std = math.sqrt(2 / (9 * ni)) if act else math.sqrt(2 / (9 * ni + 9 * nf))
        self.w = Parameter(torch.randn(nf, ni, 3, 3) * std)
        self.b = Parameter(torch.zeros(nf)) if bias else None
        self.stride, self.act = stride, act

    def forward(self, x):
        out = F.conv2d(x, self.w, self.b, padding=1)
        return F.relu(out) if self.act else out
