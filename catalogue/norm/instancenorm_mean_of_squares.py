"""InstanceNorm computes the variance as E[x^2] - E[x]^2, which loses it when the inputs sit far from zero."""
EXERCISE = "InstanceNorm"
TITLE = "InstanceNorm's variance as E[x^2] - E[x]^2"
EXPLANATION = ("That one-pass formula subtracts two large, nearly equal numbers: when the inputs sit far from zero "
               "(an offset of 1e4 in float32) its rounding error exceeds the variance itself. Take it in two passes, "
               "((x - mean) ** 2).mean((2, 3), keepdim=True) (lesson 10: instance normalisation).")


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
