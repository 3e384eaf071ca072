"""The loss is summed over the batch instead of averaged (reduction="sum" and a sum of the smoothing terms)."""
EXERCISE = "LabelSmoothingCrossEntropy"
TITLE = "loss summed over the batch instead of averaged"
EXPLANATION = ("The loss is the batch's mean, like F.cross_entropy's default, so its size and the steps it drives do "
               "not depend on the batch size; a sum is N times larger. Average both the nll and the smoothing term "
               "over the batch (lesson 12 and fastbook chapter 7: label smoothing).")


class LabelSmoothingCrossEntropy(LabelSmoothingCrossEntropy):
    def forward(self, logits, target):
        log_probs = F.log_softmax(logits, dim=-1)
        smooth = -log_probs.mean(-1).sum()
        nll = F.nll_loss(log_probs, target, reduction="sum")
        return (1 - self.eps) * nll + self.eps * smooth
