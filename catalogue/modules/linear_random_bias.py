"""Linear draws its bias at random like the weights instead of starting it at zero."""
EXERCISE = "Linear"


class Linear(Module):
    def __init__(self, ni, nf):
        super().__init__()
        std = math.sqrt(2 / (ni + nf))
        self.w = Parameter(torch.randn(nf, ni) * std)
        self.b = Parameter(torch.randn(nf) * std)

    def forward(self, x):
        return x @ self.w.t() + self.b
