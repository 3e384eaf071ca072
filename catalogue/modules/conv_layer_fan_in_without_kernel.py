"""ConvLayer's fan in forgets the 3x3 kernel: std sqrt(2 / ni) instead of sqrt(2 / (9 ni)), three times too large."""
EXERCISE = "ConvLayer"
TITLE = "ConvLayer's fan in leaves out the 3x3 kernel (ni instead of 9 ni)"
EXPLANATION = ("Each output of a 3x3 convolution sums 9 * ni inputs, so the fan in is 9 ni: Kaiming's std is sqrt(2 / "
               "(9 ni)), Xavier's sqrt(2 / (9 ni + 9 nf)). With ni alone the weights are three times too large and the "
               "activations grow from layer to layer (lesson 9: ConvLayer and its init).")


class ConvLayer(Module):
    def __init__(self, ni, nf, stride=1, bias=True, act=True):
        super().__init__()
        std = math.sqrt(2 / ni) if act else math.sqrt(2 / (ni + nf))
        self.w = Parameter(torch.randn(nf, ni, 3, 3) * std)
        self.b = Parameter(torch.zeros(nf)) if bias else None
        self.stride, self.act = stride, act

    def forward(self, x):
        out = F.conv2d(x, self.w, self.b, stride=self.stride, padding=1)
        return F.relu(out) if self.act else out
