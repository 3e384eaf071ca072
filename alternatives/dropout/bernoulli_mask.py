"""The mask from bernoulli_(1 - p) on a new tensor, p = 1 handled by masked_fill."""
import math  # solutions/dropout.py, which this is appended to, does not import it

EXERCISE = "Dropout"


class Dropout(nn.Module):
    def __init__(self, p=0.5):
        super().__init__()
        if math.isnan(p) or p < 0 or p > 1:
            raise ValueError("p must lie in [0, 1]")
        self.p = p

    def forward(self, x):
        if not self.training or not self.p:
            return x
        if self.p >= 1:
            return x.new_zeros(x.shape)
        mask = x.new_empty(x.shape).bernoulli_(1 - self.p)
        return x * mask * (1.0 / (1 - self.p))
