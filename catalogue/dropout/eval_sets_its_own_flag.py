"""eval() is overridden to clear a flag of its own, which train() never sets again (nor does a container's eval())."""
EXERCISE = "Dropout"


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
