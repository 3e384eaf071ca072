"""InstanceNorm computes its mean and variance under torch.no_grad(), so no gradient flows through the statistics."""
EXERCISE = "InstanceNorm"


class InstanceNorm(nn.Module):
    def __init__(self, nf, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.mults = nn.Parameter(torch.ones(nf, 1, 1))
        self.adds = nn.Parameter(torch.zeros(nf, 1, 1))

    def forward(self, x):
        with torch.no_grad():
            mean = x.mean((2, 3), keepdim=True)
            var = ((x - mean) ** 2).mean((2, 3), keepdim=True)
        return (x - mean) / (var + self.eps).sqrt() * self.mults + self.adds
