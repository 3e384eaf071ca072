"""LayerNorm on x flattened to (N, C*H*W), with sums divided by the count, reshaped back; mult, add of shape (1,)."""
EXERCISE = "LayerNorm"


class LayerNorm(nn.Module):
    def __init__(self, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.mult = nn.Parameter(torch.ones(1))
        self.add = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        flat = x.flatten(1)
        n = flat.shape[1]
        mean = flat.sum(1, keepdim=True) / n
        dev = flat - mean
        var = (dev * dev).sum(1, keepdim=True) / n
        return (dev / (var + self.eps) ** 0.5 * self.mult + self.add).view_as(x)
