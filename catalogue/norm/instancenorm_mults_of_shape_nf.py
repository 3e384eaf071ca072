"""InstanceNorm's mults and adds have shape (nf,), which broadcasts against the last dimension W, not the channels."""
EXERCISE = "InstanceNorm"


class InstanceNorm(nn.Module):
    def __init__(self, nf, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.mults = nn.Parameter(torch.ones(nf))
        self.adds = nn.Parameter(torch.zeros(nf))

    def forward(self, x):
        mean = x.mean((2, 3), keepdim=True)
        var = ((x - mean) ** 2).mean((2, 3), keepdim=True)
        return (x - mean) / (var + self.eps).sqrt() * self.mults + self.adds
