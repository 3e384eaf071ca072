"""Dropout that ignores self.training: it keeps dropping at inference."""
EXERCISE = "Dropout"


class Dropout(Dropout):
    def forward(self, x):
        if self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        return x * (torch.rand(x.shape) >= self.p).to(x.dtype) / (1 - self.p)
