"""The mask is drawn with torch.rand(*x.shape), which fails on a 0-d tensor (nothing to unpack)."""
EXERCISE = "Dropout"


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        return x * (torch.rand(*x.shape) >= self.p).to(x.dtype) / (1 - self.p)
