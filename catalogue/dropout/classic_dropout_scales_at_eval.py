"""Classic (non-inverted) dropout: no rescale in training, and x * (1 - p) at inference."""
EXERCISE = "Dropout"


class Dropout(Dropout):
    def forward(self, x):
        if not self.training:
            return x * (1 - self.p)
        if self.p == 1:
            return torch.zeros_like(x)
        return x * (torch.rand(x.shape) >= self.p).to(x.dtype)
