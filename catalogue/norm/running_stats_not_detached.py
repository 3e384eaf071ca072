"""BatchNorm's running update is recorded by autograd (no torch.no_grad, no detach): eval outputs backpropagate into
earlier batches."""
EXERCISE = "BatchNorm"
TITLE = "BatchNorm's running update recorded by autograd (no torch.no_grad())"
EXPLANATION = ("The running statistics are bookkeeping, not part of the computation: update them in place under "
               "torch.no_grad(), self.means.lerp_(mean, self.mom). Built from the batch's graph they require grad and "
               "chain each batch's graph to the next, so eval outputs backpropagate into earlier batches (lesson 10: "
               "batch normalisation).")


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
            self.means = self.means.lerp(mean, self.mom)
            self.vars = self.vars.lerp(var * n / (n - 1), self.mom)
        else:
            mean, var = self.means, self.vars
        return (x - mean) / (var + self.eps).sqrt() * self.mults + self.adds
