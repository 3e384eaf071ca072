"""The mask keeps an element with probability p (rand < p) instead of dropping it with probability p."""
EXERCISE = "Dropout"


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        return x * (torch.rand(x.shape) < self.p).to(x.dtype) / (1 - self.p)
