"""The max trick done in place (logits -= max): the caller's logits are changed."""
EXERCISE = "LabelSmoothingCrossEntropy"
TITLE = "max trick done in place on the caller's logits (logits -= max)"
EXPLANATION = ("An in-place subtraction writes into the tensor the caller passed in, which the training loop still "
               "uses. Subtract into a new tensor, logits - max, or use F.log_softmax, and leave the logits and "
               "targets as they were (lesson 9: the LogSumExp trick; lesson 12: label smoothing).")


class LabelSmoothingCrossEntropy(LabelSmoothingCrossEntropy):
    def forward(self, logits, target):
        logits -= logits.max(-1, keepdim=True).values.detach()
        log_probs = logits - logits.exp().sum(-1, keepdim=True).log()
        smooth = -log_probs.mean(-1).mean()
        nll = -log_probs.gather(-1, target[:, None]).mean()
        return (1 - self.eps) * nll + self.eps * smooth
