"""ConvLayer uses Kaiming's init whatever act says: a layer without a relu after it gets weights too large."""
EXERCISE = "ConvLayer"
TITLE = "ConvLayer uses Kaiming's init also when act=False"
EXPLANATION = ("Kaiming's std sqrt(2 / fan_in) makes up for the half of the signal a relu removes. A layer with no "
               "relu after it takes Xavier's std, sqrt(2 / (9 ni + 9 nf)); Kaiming's makes its outputs too large "
               "(lesson 9: ConvLayer and its init).")


class ConvLayer(Module):
    def __init__(self, ni, nf, stride=1, bias=True, act=True):
        super().__init__()
        self.w = Parameter(torch.randn(nf, ni, 3, 3) * math.sqrt(2 / (9 * ni)))
        self.b = Parameter(torch.zeros(nf)) if bias else None
        self.stride, self.act = stride, act

    def forward(self, x):
        out = F.conv2d(x, self.w, self.b, stride=self.stride, padding=1)
        return F.relu(out) if self.act else out
