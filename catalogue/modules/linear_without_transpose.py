"""Linear has w of shape (nf, ni) but computes x @ w + b, without the transpose.

An error unless ni == nf, and wrong values when it is.
"""
EXERCISE = "Linear"
TITLE = "Linear's forward is x @ w + b, without w.t()"
EXPLANATION = ("w has shape (nf, ni), like nn.Linear's weight, so the (N, ni) input is multiplied by its transpose: x "
               "@ w.t() + b. Without it the shapes only fit when ni == nf, and then the values are wrong (lesson 9: "
               "Linear).")


class Linear(Module):
    def __init__(self, ni, nf):
        super().__init__()
        self.w = Parameter(torch.randn(nf, ni) * math.sqrt(2 / (ni + nf)))
        self.b = Parameter(torch.zeros(nf))

    def forward(self, x):
        return x @ self.w + self.b
