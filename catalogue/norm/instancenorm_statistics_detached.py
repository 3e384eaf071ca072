"""InstanceNorm computes its mean and variance under torch.no_grad(), so no gradient flows through the statistics."""
EXERCISE = "InstanceNorm"
TITLE = "InstanceNorm's mean and variance computed under torch.no_grad()"
EXPLANATION = ("The mean and variance depend on x, and the gradient must flow through them too: under no_grad they "
               "are constants to autograd, and the input's gradient loses the terms that come from centring and "
               "scaling (lesson 10: instance normalisation).")


class InstanceNorm(nn.Module):
    def __init__(self, nf, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.mults = nn.Parameter(torch.ones(nf, 1, 1))
        self.adds = nn.Parameter(torch.zeros(nf, 1, 1))

    def forward(self, x):
        with torch.no_grad():
            mean = x.mean((2, 3), keepdim=True)
            var = ((x - mean) ** 2).mean((2, 3), keepdim=True)
        return (x - mean) / (var + self.eps).sqrt() * self.mults + self.adds
