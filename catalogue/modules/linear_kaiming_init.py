"""Linear initialises w with Kaiming's std sqrt(2 / ni) instead of Xavier's sqrt(2 / (ni + nf)).

Kaiming's init is meant for a layer followed by a relu.
"""
EXERCISE = "Linear"
TITLE = "Linear initialised with Kaiming's std sqrt(2 / ni) instead of Xavier's"
EXPLANATION = ("Kaiming's sqrt(2 / fan_in) makes up for a relu after the layer, which halves the signal. Linear has no "
               "relu and takes Xavier's std, sqrt(2 / (ni + nf)), which weighs fan in and fan out so that activations "
               "and gradients keep their scale (lesson 9: Linear and its init).")


class Linear(Module):
    def __init__(self, ni, nf):
        super().__init__()
        self.w = Parameter(torch.randn(nf, ni) * math.sqrt(2 / ni))
        self.b = Parameter(torch.zeros(nf))

    def forward(self, x):
        return x @ self.w.t() + self.b
