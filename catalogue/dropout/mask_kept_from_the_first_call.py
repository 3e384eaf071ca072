"""The mask is drawn on the first call and kept for later inputs of that shape: every batch drops the same units."""
EXERCISE = "Dropout"


class Dropout(Dropout):
    mask = None

    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        if self.mask is None or self.mask.shape != x.shape:
            self.mask = (torch.rand(x.shape) >= self.p).to(x.dtype)
        return x * self.mask / (1 - self.p)
