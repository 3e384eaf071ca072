"""LayerNorm with torch.var_mean(unbiased=False) over every dimension but the first, and torch.rsqrt."""
EXERCISE = "LayerNorm"


class LayerNorm(nn.Module):
    def __init__(self, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.mult = nn.Parameter(torch.tensor(1.0))
        self.add = nn.Parameter(torch.tensor(0.0))

    def forward(self, x):
        var, mean = torch.var_mean(x, dim=tuple(range(1, x.dim())), unbiased=False, keepdim=True)
        return (x - mean) * torch.rsqrt(var + self.eps) * self.mult + self.add
