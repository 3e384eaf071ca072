"""BatchNorm normalises with x.var()'s default, the unbiased variance (divided by n - 1), instead of the biased one."""
EXERCISE = "BatchNorm"
TITLE = "BatchNorm normalises with the unbiased variance (x.var's default)"
EXPLANATION = ("BatchNorm normalises the batch with the biased variance (divided by n) and keeps the unbiased one "
               "only for its running vars, as torch does. x.var() divides by n - 1 unless given unbiased=False "
               "(lesson 10: batch normalisation).")


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
            var = x.var((0, 2, 3), keepdim=True)
            with torch.no_grad():
                self.means.lerp_(mean, self.mom)
                self.vars.lerp_(var, self.mom)
        else:
            mean, var = self.means, self.vars
        return (x - mean) / (var + self.eps).sqrt() * self.mults + self.adds
