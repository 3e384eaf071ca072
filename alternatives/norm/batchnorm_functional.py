"""BatchNorm through F.batch_norm, which updates flat views of the buffers in place."""
import torch.nn.functional as F

EXERCISE = "BatchNorm"


class BatchNorm(nn.Module):
    def __init__(self, nf, mom=0.1, eps=1e-5):
        super().__init__()
        self.mom, self.eps = mom, eps
        self.mults = nn.Parameter(torch.ones(nf, 1, 1))
        self.adds = nn.Parameter(torch.zeros(nf, 1, 1))
        self.register_buffer("means", torch.zeros(1, nf, 1, 1))
        self.register_buffer("vars", torch.ones(1, nf, 1, 1))

    def forward(self, x):
        return F.batch_norm(x, self.means.view(-1), self.vars.view(-1), self.mults.view(-1), self.adds.view(-1),
                            training=self.training, momentum=self.mom, eps=self.eps)
