"""InstanceNorm on x reshaped to (N*C, H*W) with torch.var(correction=0), reshaped back."""
EXERCISE = "InstanceNorm"


class InstanceNorm(nn.Module):
    def __init__(self, nf, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.mults = nn.Parameter(torch.ones(nf, 1, 1))
        self.adds = nn.Parameter(torch.zeros(nf, 1, 1))

    def forward(self, x):
        n, c, h, w = x.shape
        flat = x.reshape(n * c, h * w)
        mean = flat.mean(1, keepdim=True)
        var = torch.var(flat, dim=1, correction=0, keepdim=True)
        normed = ((flat - mean) / (var + self.eps).sqrt()).reshape(n, c, h, w)
        return normed * self.mults + self.adds
