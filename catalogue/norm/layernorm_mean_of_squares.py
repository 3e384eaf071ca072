"""LayerNorm computes the variance as E[x^2] - E[x]^2, which loses it when the inputs sit far from zero."""
EXERCISE = "LayerNorm"
TITLE = "LayerNorm's variance as E[x^2] - E[x]^2"
EXPLANATION = ("That one-pass formula subtracts two large, nearly equal numbers: when the inputs sit far from zero "
               "(an offset of 1e4 in float32) its rounding error exceeds the variance itself. Take it in two passes, "
               "((x - mean) ** 2).mean(dims, keepdim=True) (lesson 10: layer normalisation).")


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
