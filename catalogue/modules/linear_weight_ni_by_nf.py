"""Linear keeps w as (ni, nf), the lesson-8 way, and computes x @ w + b: not nn.Linear's (nf, ni) weight."""
EXERCISE = "Linear"
TITLE = "Linear stores w as (ni, nf) and computes x @ w + b"
EXPLANATION = ("That is lesson 8's lin. A Module's Linear stores its weight as nn.Linear does, w of shape (nf, ni), "
               "and computes x @ w.t() + b, so its weights line up with torch's (lesson 9: Linear).")


class Linear(Module):
    def __init__(self, ni, nf):
        super().__init__()
        self.w = Parameter(torch.randn(ni, nf) * math.sqrt(2 / (ni + nf)))
        self.b = Parameter(torch.zeros(nf))

    def forward(self, x):
        return x @ self.w + self.b
