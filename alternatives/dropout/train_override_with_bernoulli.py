"""Dropout that overrides train(mode), calling nn.Module's, to keep the probability of keeping; torch.bernoulli mask."""
EXERCISE = "Dropout"


class Dropout(nn.Module):
    def __init__(self, p=0.5):
        super().__init__()
        if not (p >= 0 and p <= 1):  # False for nan as well
            raise ValueError(f"Dropout probability {p} is not in [0, 1]")
        self.p = float(p)
        self.train()

    def train(self, mode=True):
        super().train(mode)
        self.keep = 1.0 - self.p if mode else 1.0
        return self

    def forward(self, x):
        if self.keep == 1.0:
            return x
        if self.keep == 0.0:
            return torch.zeros_like(x)
        mask = torch.bernoulli(torch.full_like(x, self.keep))
        return x * mask / self.keep
