"""Linear drawing w in place with normal_(0, std) and computing F.linear(x, w, b)."""
EXERCISE = "Linear"


class Linear(Module):
    def __init__(self, ni, nf):
        super().__init__()
        self.b = Parameter(torch.zeros(nf))
        self.w = Parameter(torch.empty(nf, ni).normal_(0.0, (2 / (ni + nf)) ** 0.5))

    def forward(self, x):
        return F.linear(x, self.w, self.b)
