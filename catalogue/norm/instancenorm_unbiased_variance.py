"""InstanceNorm normalises with x.var()'s default, the unbiased variance, instead of the biased one."""
EXERCISE = "InstanceNorm"
TITLE = "InstanceNorm normalises with the unbiased variance (x.var's default)"
EXPLANATION = ("Normalisation layers divide by the biased variance, the mean of squared deviations (over n, not n - "
               "1), as torch does. x.var() divides by n - 1 unless given unbiased=False, which matters most for the "
               "few positions of a small image (lesson 10: instance normalisation).")


class InstanceNorm(nn.Module):
    def __init__(self, nf, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.mults = nn.Parameter(torch.ones(nf, 1, 1))
        self.adds = nn.Parameter(torch.zeros(nf, 1, 1))

    def forward(self, x):
        mean = x.mean((2, 3), keepdim=True)
        var = x.var((2, 3), keepdim=True)
        return (x - mean) / (var + self.eps).sqrt() * self.mults + self.adds
