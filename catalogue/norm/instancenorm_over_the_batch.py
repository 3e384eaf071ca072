"""InstanceNorm takes its statistics per channel over the batch too, (0, 2, 3), as BatchNorm does, not per sample."""
EXERCISE = "InstanceNorm"
TITLE = "InstanceNorm statistics over the batch too, dims (0, 2, 3)"
EXPLANATION = ("InstanceNorm normalises each sample's each channel on its own, over its positions (2, 3). Taking the "
               "statistics over (0, 2, 3) pools the batch, as BatchNorm does, so each output depends on the other "
               "samples (lesson 10: instance normalisation).")


class InstanceNorm(nn.Module):
    def __init__(self, nf, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.mults = nn.Parameter(torch.ones(nf, 1, 1))
        self.adds = nn.Parameter(torch.zeros(nf, 1, 1))

    def forward(self, x):
        mean = x.mean((0, 2, 3), keepdim=True)
        var = ((x - mean) ** 2).mean((0, 2, 3), keepdim=True)
        return (x - mean) / (var + self.eps).sqrt() * self.mults + self.adds
