"""InstanceNorm through F.instance_norm, then the learned scale and shift."""
import torch.nn.functional as F

EXERCISE = "InstanceNorm"


class InstanceNorm(nn.Module):
    def __init__(self, nf, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.mults = nn.Parameter(torch.ones(nf, 1, 1))
        self.adds = nn.Parameter(torch.zeros(nf, 1, 1))

    def forward(self, x):
        return F.instance_norm(x, eps=self.eps) * self.mults + self.adds
