"""Linear draws its bias at random like the weights instead of starting it at zero."""
EXERCISE = "Linear"
TITLE = "Linear's bias drawn at random instead of starting at zero"
EXPLANATION = ("The bias starts at zero, torch.zeros(nf): only the weights need random values, to make the units "
               "differ, and a random bias only shifts every output by noise (lesson 9: Linear and its init).")


class Linear(Module):
    def __init__(self, ni, nf):
        super().__init__()
        std = math.sqrt(2 / (ni + nf))
        self.w = Parameter(torch.randn(nf, ni) * std)
        self.b = Parameter(torch.randn(nf) * std)

    def forward(self, x):
        return x @ self.w.t() + self.b
