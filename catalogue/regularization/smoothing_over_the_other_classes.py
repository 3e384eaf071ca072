"""eps is spread over the C - 1 other classes only (the target keeps exactly 1 - eps), not over all C classes."""
EXERCISE = "LabelSmoothingCrossEntropy"
TITLE = "eps spread over the C - 1 other classes instead of all C"
EXPLANATION = ("Label smoothing spreads eps evenly over all C classes, the target's own included, so the target ends "
               "with 1 - eps + eps / C: the loss is (1 - eps) * nll + eps * (mean of -log_softmax over all C "
               "classes). Spreading it over the other classes only gives another loss (lesson 12 and fastbook chapter "
               "7: label smoothing).")


class LabelSmoothingCrossEntropy(LabelSmoothingCrossEntropy):
    def forward(self, logits, target):
        c = logits.shape[-1]
        log_probs = F.log_softmax(logits, dim=-1)
        picked = log_probs.gather(-1, target[:, None]).squeeze(-1)
        others = (log_probs.sum(-1) - picked) / max(c - 1, 1)
        return (-(1 - self.eps) * picked - self.eps * others).mean()
