"""Linear makes w and b plain tensors that require grad, not Parameters: the Module registers neither.

parameters() is empty, so SGD trains nothing.
"""
EXERCISE = "Linear"
TITLE = "Linear's w and b are plain tensors, not Parameters"
EXPLANATION = ("A Module registers only Parameters and Modules: plain tensors that require grad are not registered, so "
               "parameters() is empty and an optimizer given it trains nothing. Wrap them: self.w = Parameter(...) "
               "(lesson 9: Parameter and Module).")


class Linear(Module):
    def __init__(self, ni, nf):
        super().__init__()
        self.w = (torch.randn(nf, ni) * math.sqrt(2 / (ni + nf))).requires_grad_()
        self.b = torch.zeros(nf, requires_grad=True)

    def forward(self, x):
        return x @ self.w.t() + self.b
