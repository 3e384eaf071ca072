"""Linear initialises w with std 1 / sqrt(ni) (lesson 8's first scaling) instead of Xavier's sqrt(2 / (ni + nf))."""
EXERCISE = "Linear"
TITLE = "Linear initialised with std 1 / sqrt(ni) instead of Xavier's"
EXPLANATION = ("1 / sqrt(ni) was lesson 8's first scaling. This Linear takes Xavier's std, sqrt(2 / (ni + nf)), which "
               "weighs fan in and fan out so that both the activations going forward and the gradients coming back "
               "keep their scale (lesson 9: Linear and its init).")


class Linear(Module):
    def __init__(self, ni, nf):
        super().__init__()
        self.w = Parameter(torch.randn(nf, ni) / math.sqrt(ni))
        self.b = Parameter(torch.zeros(nf))

    def forward(self, x):
        return x @ self.w.t() + self.b
