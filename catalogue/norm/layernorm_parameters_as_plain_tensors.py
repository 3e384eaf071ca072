"""LayerNorm's mult and add are plain tensors, not nn.Parameters: not learned, no gradient reaches them."""
EXERCISE = "LayerNorm"
TITLE = "LayerNorm's mult and add as plain tensors, not nn.Parameters"
EXPLANATION = ("Only nn.Parameter attributes are registered: a plain tensor is not in parameters(), gets no gradient "
               "and is never learned. Use self.mult = nn.Parameter(torch.tensor(1.)) and self.add = "
               "nn.Parameter(torch.tensor(0.)) (lesson 10: layer normalisation).")


class LayerNorm(nn.Module):
    def __init__(self, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.mult = torch.tensor(1.0)
        self.add = torch.tensor(0.0)

    def forward(self, x):
        mean = x.mean((1, 2, 3), keepdim=True)
        var = ((x - mean) ** 2).mean((1, 2, 3), keepdim=True)
        return (x - mean) / (var + self.eps).sqrt() * self.mult + self.add
