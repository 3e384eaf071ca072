"""LayerNorm divides by the standard deviation plus eps, x.std() + eps, instead of sqrt(var + eps)."""
EXERCISE = "LayerNorm"
TITLE = "LayerNorm adds eps to the standard deviation, not inside the square root"
EXPLANATION = ("LayerNorm divides by sqrt(var + eps), as F.layer_norm does. std + eps is a different divisor wherever "
               "the variance is small: near 0 it is eps (1e-5) instead of sqrt(eps) (about 3e-3), so a nearly "
               "constant sample is blown up (lesson 10: layer normalisation).")


class LayerNorm(nn.Module):
    def __init__(self, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.mult = nn.Parameter(torch.tensor(1.0))
        self.add = nn.Parameter(torch.tensor(0.0))

    def forward(self, x):
        mean = x.mean((1, 2, 3), keepdim=True)
        std = x.std((1, 2, 3), keepdim=True, unbiased=False)
        return (x - mean) / (std + self.eps) * self.mult + self.add
