"""The loss is built from -softmax (probabilities) instead of -log_softmax."""
EXERCISE = "LabelSmoothingCrossEntropy"
TITLE = "loss built from softmax probabilities instead of log_softmax"
EXPLANATION = ("Cross entropy, smoothed or not, is a negative log-likelihood: -log of the probabilities, which "
               "punishes a confident wrong answer without bound. -softmax is bounded and gives other values and "
               "gradients. Use F.log_softmax (lesson 9: cross entropy; lesson 12 and fastbook chapter 7: label "
               "smoothing).")


class LabelSmoothingCrossEntropy(LabelSmoothingCrossEntropy):
    def forward(self, logits, target):
        probs = F.softmax(logits, dim=-1)
        smooth = -probs.mean(-1).mean()
        nll = -probs.gather(-1, target[:, None]).mean()
        return (1 - self.eps) * nll + self.eps * smooth
