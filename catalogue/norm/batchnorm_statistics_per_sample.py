"""BatchNorm takes its statistics per sample and channel, over (H, W) only (an instance norm), not over the batch."""
EXERCISE = "BatchNorm"
TITLE = "BatchNorm statistics per sample over (H, W), not over the batch"
EXPLANATION = ("BatchNorm's statistics are per channel over the batch and the positions, dims (0, 2, 3); taken over "
               "(2, 3) alone they normalise each sample by itself, which is InstanceNorm, and the running statistics "
               "get averages of per-sample ones (lesson 10: batch normalisation).")


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
            mean = x.mean((2, 3), keepdim=True)
            var = ((x - mean) ** 2).mean((2, 3), keepdim=True)
            n = x.shape[2] * x.shape[3]
            with torch.no_grad():
                self.means.lerp_(mean.mean(0, keepdim=True), self.mom)
                self.vars.lerp_((var * n / max(n - 1, 1)).mean(0, keepdim=True), self.mom)
        else:
            mean, var = self.means, self.vars
        return (x - mean) / (var + self.eps).sqrt() * self.mults + self.adds
