"""log_softmax normalises over the batch axis (dim=0) instead of the classes."""
EXERCISE = "LabelSmoothingCrossEntropy"
TITLE = "log_softmax normalised over the batch (dim=0) instead of the classes"
EXPLANATION = ("Each row of logits holds one example's scores for the C classes, so log_softmax must normalise along "
               "the last dimension (dim=-1); over dim=0 it normalises each class across the examples of the batch, "
               "which gives no distribution over classes (lesson 12 and fastbook chapter 7: label smoothing).")


class LabelSmoothingCrossEntropy(LabelSmoothingCrossEntropy):
    def forward(self, logits, target):
        log_probs = F.log_softmax(logits, dim=0)
        smooth = -log_probs.mean(-1).mean()
        nll = F.nll_loss(log_probs, target)
        return (1 - self.eps) * nll + self.eps * smooth
