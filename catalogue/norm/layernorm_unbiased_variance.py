"""LayerNorm normalises with x.var()'s default, the unbiased variance, instead of the biased one."""
EXERCISE = "LayerNorm"
TITLE = "LayerNorm normalises with the unbiased variance (x.var's default)"
EXPLANATION = ("Normalisation layers divide by the biased variance, the mean of squared deviations (over n, not n - "
               "1), as F.layer_norm does. x.var() divides by n - 1 unless given unbiased=False (lesson 10: layer "
               "normalisation).")


class LayerNorm(nn.Module):
    def __init__(self, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.mult = nn.Parameter(torch.tensor(1.0))
        self.add = nn.Parameter(torch.tensor(0.0))

    def forward(self, x):
        mean = x.mean((1, 2, 3), keepdim=True)
        var = x.var((1, 2, 3), keepdim=True)
        return (x - mean) / (var + self.eps).sqrt() * self.mult + self.add
