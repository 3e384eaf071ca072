"""One random number per row (the first axis): a whole row is kept or dropped together."""
EXERCISE = "Dropout"


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        keep = torch.rand(x.shape[:1] + (1,) * (x.dim() - 1)) >= self.p
        return x * keep.to(x.dtype) / (1 - self.p)
