"""fastai's version: eps * (sum of -log_softmax) / C + (1 - eps) * F.nll_loss, through a linear-combination helper."""
EXERCISE = "LabelSmoothingCrossEntropy"


def _lin_comb(v1, v2, beta):
    return beta * v1 + (1 - beta) * v2


class LabelSmoothingCrossEntropy(nn.Module):
    def __init__(self, eps: float = 0.1):
        super().__init__()
        self.eps = eps

    def forward(self, output, target):
        c = output.size()[-1]
        log_preds = F.log_softmax(output, dim=-1)
        loss = -log_preds.sum(dim=-1).mean()
        nll = F.nll_loss(log_preds, target)
        return _lin_comb(loss / c, nll, self.eps)
