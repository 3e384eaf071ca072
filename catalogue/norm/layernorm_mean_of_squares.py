"""LayerNorm computes the variance as E[x^2] - E[x]^2, which loses it when the inputs sit far from zero."""
EXERCISE = "LayerNorm"


class LayerNorm(nn.Module):
    def __init__(self, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.mult = nn.Parameter(torch.tensor(1.0))
        self.add = nn.Parameter(torch.tensor(0.0))

    def forward(self, x):
        mean = x.mean((1, 2, 3), keepdim=True)
        var = (x ** 2).mean((1, 2, 3), keepdim=True) - mean ** 2
        return (x - mean) / (var + self.eps).sqrt() * self.mult + self.add
