"""BatchNorm gives mom to the old value in its running update: means = mom * means + (1 - mom) * mean (lerp swapped)."""
EXERCISE = "BatchNorm"
TITLE = "BatchNorm's running update gives mom to the old value (lerp swapped)"
EXPLANATION = ("mom is the weight of the new batch, as torch's momentum: means.lerp_(mean, mom) is (1 - mom) * means "
               "+ mom * mean. Swapped, each batch gets weight 1 - mom (0.9 for mom=0.1), and the running statistics "
               "follow the last batch instead of averaging many (lesson 10: batch normalisation).")


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
                self.means.copy_(self.mom * self.means + (1 - self.mom) * mean)
                self.vars.copy_(self.mom * self.vars + (1 - self.mom) * var * n / (n - 1))
        else:
            mean, var = self.means, self.vars
        return (x - mean) / (var + self.eps).sqrt() * self.mults + self.adds
