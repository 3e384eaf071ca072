"""LayerNorm normalises x in place (x.sub_(mean).div_(std)), overwriting the caller's tensor."""
EXERCISE = "LayerNorm"
TITLE = "LayerNorm normalises its input in place"
EXPLANATION = ("x.sub_(mean).div_(...) overwrites the caller's tensor, which the previous layer and autograd may "
               "still need (and fails on a leaf that requires grad). Compute into new tensors: (x - mean) / (var + "
               "eps).sqrt() (lesson 10: layer normalisation).")


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
