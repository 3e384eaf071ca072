"""BatchNorm computes the variance as E[x^2] - E[x]^2, which loses it when the inputs sit far from zero."""
EXERCISE = "BatchNorm"
TITLE = "BatchNorm's variance as E[x^2] - E[x]^2"
EXPLANATION = ("That one-pass formula subtracts two large, nearly equal numbers: when the inputs sit far from zero "
               "(an offset of 1e4 in float32) its rounding error exceeds the variance itself. Take it in two passes, "
               "((x - mean) ** 2).mean((0, 2, 3), keepdim=True) (lesson 10: batch normalisation).")


class BatchNorm(nn.Module):
    def __init__(self, nf, mom=0.1, eps=1e-5):
        super().__init__()
        self.mom, self.eps = mom, eps
        self.mults = nn.Parameter(torch.ones(nf, 1, 1))
        self.adds = nn.Parameter(torch.zeros(nf, 1, 1))
        self.register_buffer("means", torch.zeros(1, nf, 1, 1))
        self.register_buffer("vars", torch.ones(1, nf, 1, 1))

    def forward(self, x):
        if self.training:
            mean = x.mean((0, 2, 3), keepdim=True)
            var = (x * x).mean((0, 2, 3), keepdim=True) - mean ** 2
            n = x.numel() / x.shape[1]
            with torch.no_grad():
                self.means.lerp_(mean, self.mom)
                self.vars.lerp_(var * n / (n - 1), self.mom)
        else:
            mean, var = self.means, self.vars
        return (x - mean) / (var + self.eps).sqrt() * self.mults + self.adds
