"""LayerNorm normalises x in place (x.sub_(mean).div_(std)), overwriting the caller's tensor."""
EXERCISE = "LayerNorm"


class LayerNorm(nn.Module):
    def __init__(self, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.mult = nn.Parameter(torch.tensor(1.0))
        self.add = nn.Parameter(torch.tensor(0.0))

    def forward(self, x):
        mean = x.mean((1, 2, 3), keepdim=True)
        var = ((x - mean) ** 2).mean((1, 2, 3), keepdim=True)
        return x.sub_(mean).div_((var + self.eps).sqrt()) * self.mult + self.add
