"""eval() is overridden to clear a flag of its own, which train() never sets again (nor does a container's eval())."""
EXERCISE = "Dropout"
TITLE = "eval() overridden to clear a flag of its own that train() never resets"
EXPLANATION = ("nn.Module's train() and eval() set self.training on the layer and on every module in a container, "
               "whose eval() never calls the layer's eval(); a private flag goes stale, so after eval() then train() "
               "the layer never drops again. Read self.training in forward (lesson 12: dropout).")


class Dropout(Dropout):
    def __init__(self, p=0.5):
        super().__init__(p)
        self.dropping = True

    def eval(self):
        self.dropping = False
        return super().eval()

    def forward(self, x):
        if not self.dropping or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        return x * (torch.rand(x.shape) >= self.p).to(x.dtype) / (1 - self.p)
