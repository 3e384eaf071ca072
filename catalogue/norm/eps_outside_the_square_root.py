"""BatchNorm adds eps to the standard deviation, (x - mean) / (var.sqrt() + eps), instead of inside the square root."""
EXERCISE = "BatchNorm"
TITLE = "BatchNorm adds eps to the standard deviation, not inside the square root"
EXPLANATION = ("BatchNorm divides by sqrt(var + eps), as torch does. sqrt(var) + eps is a different divisor wherever "
               "the variance is small: near 0 it is eps (1e-5) instead of sqrt(eps) (about 3e-3), so a nearly "
               "constant channel is blown up (lesson 10: batch normalisation).")


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
            var = ((x - mean) ** 2).mean((0, 2, 3), keepdim=True)
            n = x.numel() / x.shape[1]
            with torch.no_grad():
                self.means.lerp_(mean, self.mom)
                self.vars.lerp_(var * n / (n - 1), self.mom)
        else:
            mean, var = self.means, self.vars
        return (x - mean) / (var.sqrt() + self.eps) * self.mults + self.adds
