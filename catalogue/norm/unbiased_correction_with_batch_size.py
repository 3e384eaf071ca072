"""BatchNorm's running variance is corrected with the batch size N, var * N / (N - 1), not the count N * H * W."""
EXERCISE = "BatchNorm"
TITLE = "running variance corrected with N instead of the count N * H * W"
EXPLANATION = ("The unbiased correction counts the values each channel's variance is taken over, n = N * H * W "
               "(x.numel() / nf): var * n / (n - 1). Using the batch size N alone over-corrects whenever the images "
               "have more than one position (lesson 10: batch normalisation).")


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
            n = x.shape[0]
            with torch.no_grad():
                self.means.lerp_(mean, self.mom)
                self.vars.lerp_(var * n / max(n - 1, 1), self.mom)
        else:
            mean, var = self.means, self.vars
        return (x - mean) / (var + self.eps).sqrt() * self.mults + self.adds
