"""BatchNorm takes one mean and variance over the whole batch, x.mean() and x.var(), instead of one per channel."""
EXERCISE = "BatchNorm"
TITLE = "BatchNorm statistics over the whole batch instead of per channel"
EXPLANATION = ("BatchNorm takes one mean and variance per channel, over (N, H, W): x.mean((0, 2, 3), keepdim=True). A "
               "single x.mean() and x.var() over everything mixes the channels, so a channel of large values sets the "
               "scale of all the others (lesson 10: batch normalisation).")


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
            mean = x.mean()
            var = x.var(unbiased=False)
            with torch.no_grad():
                self.means.lerp_(mean.expand_as(self.means), self.mom)
                self.vars.lerp_(x.var().expand_as(self.vars), self.mom)
        else:
            mean, var = self.means, self.vars
        return (x - mean) / (var + self.eps).sqrt() * self.mults + self.adds
