"""InstanceNorm's mults and adds have shape (nf,), which broadcasts against the last dimension W, not the channels."""
EXERCISE = "InstanceNorm"
TITLE = "InstanceNorm's mults and adds of shape (nf,) instead of (nf, 1, 1)"
EXPLANATION = ("Broadcasting lines shapes up from the right, so a tensor of shape (nf,) meets W, the last dimension "
               "of (N, nf, H, W), not the channels: it fails unless W equals nf, and then scales columns. Shape (nf, "
               "1, 1) gives one value per channel (lesson 10: instance normalisation).")


class InstanceNorm(nn.Module):
    def __init__(self, nf, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.mults = nn.Parameter(torch.ones(nf))
        self.adds = nn.Parameter(torch.zeros(nf))

    def forward(self, x):
        mean = x.mean((2, 3), keepdim=True)
        var = ((x - mean) ** 2).mean((2, 3), keepdim=True)
        return (x - mean) / (var + self.eps).sqrt() * self.mults + self.adds
