"""Dropout by torch.where on a uniform draw in x's dtype; p = 1 as its own case."""
EXERCISE = "Dropout"


class Dropout(nn.Module):
    def __init__(self, p=0.5):
        super().__init__()
        if not (0 <= p <= 1):
            raise ValueError(f"p={p} is not a probability")
        self.p = p

    def forward(self, x):
        if self.p == 0 or not self.training:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        return torch.where(torch.rand_like(x) < 1 - self.p, x / (1 - self.p), torch.zeros_like(x))
