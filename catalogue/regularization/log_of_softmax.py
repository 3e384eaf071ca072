"""log_softmax taken as the log of a softmax: the softmax underflows to 0 at large logits and its log is -inf."""
EXERCISE = "LabelSmoothingCrossEntropy"


class LabelSmoothingCrossEntropy(LabelSmoothingCrossEntropy):
    def forward(self, logits, target):
        log_probs = torch.log(F.softmax(logits, dim=-1))
        smooth = -log_probs.mean(-1).mean()
        nll = -log_probs.gather(-1, target[:, None]).mean()
        return (1 - self.eps) * nll + self.eps * smooth
