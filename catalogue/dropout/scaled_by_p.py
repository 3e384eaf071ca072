"""Survivors scaled by 1/p instead of 1/(1-p)."""
EXERCISE = "Dropout"


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        return x * (torch.rand(x.shape) >= self.p).to(x.dtype) / self.p
