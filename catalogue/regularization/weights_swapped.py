"""The nll gets eps and the smoothing term 1 - eps (fastai's lin_comb with its arguments the other way round)."""
EXERCISE = "LabelSmoothingCrossEntropy"
TITLE = "eps on the nll and 1 - eps on the smoothing term (weights swapped)"
EXPLANATION = ("The target keeps 1 - eps of its mass and eps is spread over the classes, so the loss is (1 - eps) * "
               "nll + eps * smooth; swapped (fastai's lin_comb with its arguments reversed), a small eps all but "
               "ignores the target (lesson 12 and fastbook chapter 7: label smoothing).")


class LabelSmoothingCrossEntropy(LabelSmoothingCrossEntropy):
    def forward(self, logits, target):
        log_probs = F.log_softmax(logits, dim=-1)
        smooth = -log_probs.mean(-1).mean()
        nll = F.nll_loss(log_probs, target)
        return self.eps * nll + (1 - self.eps) * smooth
