"""log_softmax written as x - log(sum(exp(x))) without the max trick: exp overflows at large logits."""
EXERCISE = "LabelSmoothingCrossEntropy"


class LabelSmoothingCrossEntropy(LabelSmoothingCrossEntropy):
    def forward(self, logits, target):
        log_probs = logits - logits.exp().sum(-1, keepdim=True).log()
        smooth = -log_probs.mean(-1).mean()
        nll = -log_probs[torch.arange(len(target)), target].mean()
        return (1 - self.eps) * nll + self.eps * smooth
