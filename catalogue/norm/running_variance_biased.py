"""BatchNorm updates its running variance with the biased batch variance (torch's running_var is the unbiased one)."""
EXERCISE = "BatchNorm"
TITLE = "running variance updated with the biased batch variance"
EXPLANATION = ("BatchNorm normalises the batch with the biased variance, but its running vars average the unbiased "
               "one, var * n / (n - 1) with n = N * H * W values per channel, as torch's running_var does; with the "
               "biased one eval outputs drift from nn.BatchNorm2d's, most for small batches (lesson 10: batch "
               "normalisation).")


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
            var = x.var((0, 2, 3), keepdim=True, unbiased=False)
            with torch.no_grad():
                self.means.lerp_(mean, self.mom)
                self.vars.lerp_(var, self.mom)
        else:
            mean, var = self.means, self.vars
        return (x - mean) / (var + self.eps).sqrt() * self.mults + self.adds
