"""Linear draws w from a uniform distribution of Xavier's variance (torch.rand) instead of a normal one."""
EXERCISE = "Linear"
TITLE = "Linear's weights drawn uniformly (torch.rand) instead of normally"
EXPLANATION = ("The variance is Xavier's, but the init asked for is the normal one: w = torch.randn(nf, ni) * sqrt(2 / "
               "(ni + nf)). Uniform draws give other weights, so a seeded model is not the one expected (lesson 9: "
               "Linear and its init).")


class Linear(Module):
    def __init__(self, ni, nf):
        super().__init__()
        bound = math.sqrt(3) * math.sqrt(2 / (ni + nf))
        self.w = Parameter((torch.rand(nf, ni) * 2 - 1) * bound)
        self.b = Parameter(torch.zeros(nf))

    def forward(self, x):
        return x @ self.w.t() + self.b
