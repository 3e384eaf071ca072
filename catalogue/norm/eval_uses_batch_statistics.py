"""BatchNorm normalises with the batch's statistics in eval mode too (it only skips the update there)."""
EXERCISE = "BatchNorm"
TITLE = "BatchNorm normalises with the batch's statistics in eval mode"
EXPLANATION = ("In eval mode BatchNorm normalises with the running means and vars gathered in training, so each "
               "sample's output depends on that sample alone; with the batch's statistics it changes with whatever "
               "else is in the batch, and the running statistics are never used (lesson 10: batch normalisation).")


class BatchNorm(nn.Module):
    def __init__(self, nf, mom=0.1, eps=1e-5):
        super().__init__()
        self.mom, self.eps = mom, eps
        self.mults = nn.Parameter(torch.ones(nf, 1, 1))
        self.adds = nn.Parameter(torch.zeros(nf, 1, 1))
        self.register_buffer("means", torch.zeros(1, nf, 1, 1))
        self.register_buffer("vars", torch.ones(1, nf, 1, 1))

    def forward(self, x):
        mean = x.mean((0, 2, 3), keepdim=True)
        var = ((x - mean) ** 2).mean((0, 2, 3), keepdim=True)
        if self.training:
            n = x.numel() / x.shape[1]
            with torch.no_grad():
                self.means.lerp_(mean, self.mom)
                self.vars.lerp_(var * n / (n - 1), self.mom)
        return (x - mean) / (var + self.eps).sqrt() * self.mults + self.adds
