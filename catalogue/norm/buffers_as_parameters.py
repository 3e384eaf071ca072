"""BatchNorm keeps means and vars as nn.Parameters (requires_grad=False): parameters() hands them to optimizers."""
EXERCISE = "BatchNorm"
TITLE = "running means and vars as nn.Parameters instead of buffers"
EXPLANATION = ("means and vars are statistics, not learned weights: self.register_buffer('means', ...) saves them in "
               "state_dict and moves them with .to() while keeping them out of parameters(). As nn.Parameters, even "
               "with requires_grad=False, they appear in parameters() and are handed to every optimizer (lesson 10: "
               "batch normalisation).")


class BatchNorm(nn.Module):
    def __init__(self, nf, mom=0.1, eps=1e-5):
        super().__init__()
        self.mom, self.eps = mom, eps
        self.mults = nn.Parameter(torch.ones(nf, 1, 1))
        self.adds = nn.Parameter(torch.zeros(nf, 1, 1))
        self.means = nn.Parameter(torch.zeros(1, nf, 1, 1), requires_grad=False)
        self.vars = nn.Parameter(torch.ones(1, nf, 1, 1), requires_grad=False)

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
