"""InstanceNorm computes the variance as E[x^2] - E[x]^2, which loses it when the inputs sit far from zero."""
EXERCISE = "InstanceNorm"


class InstanceNorm(nn.Module):
    def __init__(self, nf, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.mults = nn.Parameter(torch.ones(nf, 1, 1))
        self.adds = nn.Parameter(torch.zeros(nf, 1, 1))

    def forward(self, x):
        mean = x.mean((2, 3), keepdim=True)
        var = (x * x).mean((2, 3), keepdim=True) - mean * mean
        return (x - mean) / (var + self.eps).sqrt() * self.mults + self.adds
