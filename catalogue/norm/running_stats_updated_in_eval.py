"""BatchNorm updates its running statistics on every call, in eval mode too, and only then picks which to use."""
EXERCISE = "BatchNorm"
TITLE = "BatchNorm updates its running statistics in eval mode too"
EXPLANATION = ("The running statistics are gathered in training only; eval mode changes nothing. Updated on every "
               "call, they absorb the validation batches, so one input gives different outputs from one eval call to "
               "the next (lesson 10: batch normalisation).")


class BatchNorm(nn.Module):
    def __init__(self, nf, mom=0.1, eps=1e-5):
        super().__init__()
        self.mom, self.eps = mom, eps
        self.mults = nn.Parameter(torch.ones(nf, 1, 1))
        self.adds = nn.Parameter(torch.zeros(nf, 1, 1))
        self.register_buffer("means", torch.zeros(1, nf, 1, 1))
        self.register_buffer("vars", torch.ones(1, nf, 1, 1))

    def update_stats(self, x):
        mean = x.mean((0, 2, 3), keepdim=True)
        var = x.var((0, 2, 3), keepdim=True, unbiased=False)
        n = x.numel() / x.shape[1]
        with torch.no_grad():
            self.means.lerp_(mean, self.mom)
            self.vars.lerp_(var * n / max(n - 1, 1), self.mom)
        return mean, var

    def forward(self, x):
        mean, var = self.update_stats(x)
        if not self.training:
            mean, var = self.means, self.vars
        return (x - mean) / (var + self.eps).sqrt() * self.mults + self.adds
