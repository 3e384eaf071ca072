"""LayerNorm takes its statistics per sample and channel, over (H, W), instead of over all of (C, H, W)."""
EXERCISE = "LayerNorm"
TITLE = "LayerNorm statistics per channel over (H, W), not over (C, H, W)"
EXPLANATION = ("LayerNorm normalises each sample over all its other dimensions, (1, 2, 3), with one mean and variance "
               "per sample; taken over (H, W) alone each channel gets its own, which is InstanceNorm (lesson 10: "
               "layer normalisation).")


class LayerNorm(nn.Module):
    def __init__(self, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.mult = nn.Parameter(torch.tensor(1.0))
        self.add = nn.Parameter(torch.tensor(0.0))

    def forward(self, x):
        mean = x.mean((-2, -1), keepdim=True)
        var = ((x - mean) ** 2).mean((-2, -1), keepdim=True)
        return (x - mean) / (var + self.eps).sqrt() * self.mult + self.add
