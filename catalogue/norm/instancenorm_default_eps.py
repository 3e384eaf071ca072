"""InstanceNorm's eps defaults to 1e-3 instead of 1e-5 (SPEC.md's and torch's default)."""
EXERCISE = "InstanceNorm"
TITLE = "InstanceNorm's eps defaults to 1e-3 instead of 1e-5"
EXPLANATION = ("The contract, like F.instance_norm, defaults to eps=1e-5. A default of 1e-3 inside sqrt(var + eps) "
               "visibly shrinks the output wherever a channel's variance is small (lesson 10: instance "
               "normalisation).")


class InstanceNorm(nn.Module):
    def __init__(self, nf, eps=1e-3):
        super().__init__()
        self.eps = eps
        self.mults = nn.Parameter(torch.ones(nf, 1, 1))
        self.adds = nn.Parameter(torch.zeros(nf, 1, 1))

    def forward(self, x):
        mean = x.mean((2, 3), keepdim=True)
        var = ((x - mean) ** 2).mean((2, 3), keepdim=True)
        return (x - mean) / (var + self.eps).sqrt() * self.mults + self.adds
