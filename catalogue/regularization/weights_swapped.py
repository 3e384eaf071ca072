"""The nll gets eps and the smoothing term 1 - eps (fastai's lin_comb with its arguments the other way round)."""
EXERCISE = "LabelSmoothingCrossEntropy"


class LabelSmoothingCrossEntropy(LabelSmoothingCrossEntropy):
    def forward(self, logits, target):
        log_probs = F.log_softmax(logits, dim=-1)
        smooth = -log_probs.mean(-1).mean()
        nll = F.nll_loss(log_probs, target)
        return self.eps * nll + (1 - self.eps) * smooth
