"""The loss is summed over the batch instead of averaged (reduction="sum" and a sum of the smoothing terms)."""
EXERCISE = "LabelSmoothingCrossEntropy"


class LabelSmoothingCrossEntropy(LabelSmoothingCrossEntropy):
    def forward(self, logits, target):
        log_probs = F.log_softmax(logits, dim=-1)
        smooth = -log_probs.mean(-1).sum()
        nll = F.nll_loss(log_probs, target, reduction="sum")
        return (1 - self.eps) * nll + self.eps * smooth
