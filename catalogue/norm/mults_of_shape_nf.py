"""BatchNorm's mults and adds have shape (nf,), which broadcasts against the last dimension W, not the channels."""
EXERCISE = "BatchNorm"
TITLE = "BatchNorm's mults and adds of shape (nf,) instead of (nf, 1, 1)"
EXPLANATION = ("Broadcasting lines shapes up from the right, so a tensor of shape (nf,) meets W, the last dimension "
               "of (N, nf, H, W), not the channels: it fails unless W equals nf, and then scales columns. Shape (nf, "
               "1, 1) gives one value per channel (lesson 10: batch normalisation).")


class BatchNorm(nn.Module):
    def __init__(self, nf, mom=0.1, eps=1e-5):
        super().__init__()
        self.mom, self.eps = mom, eps
        self.mults = nn.Parameter(torch.ones(nf))
        self.adds = nn.Parameter(torch.zeros(nf))
        self.register_buffer("means", torch.zeros(1, nf, 1, 1))
        self.register_buffer("vars", torch.ones(1, nf, 1, 1))

    def forward(self, x):
        if self.training:
            mean = x.mean((0, 2, 3), keepdim=True)
            var = ((x - mean) ** 2).mean((0, 2, 3), keepdim=True)
            n = x.numel() / x.shape[1]
            with torch.no_grad():
                self.means.lerp_(mean, self.mom)
                self.vars.lerp_(var * n / (n - 1), self.mom)
        else:
            mean, var = self.means, self.vars
        return (x - mean) / (var + self.eps).sqrt() * self.mults + self.adds
