"""The loss is assembled from .item() values into a new tensor: right numbers, no gradient."""
EXERCISE = "LabelSmoothingCrossEntropy"


class LabelSmoothingCrossEntropy(LabelSmoothingCrossEntropy):
    def forward(self, logits, target):
        log_probs = F.log_softmax(logits, dim=-1)
        smooth = -log_probs.mean(-1).mean().item()
        nll = F.nll_loss(log_probs, target).item()
        return torch.tensor((1 - self.eps) * nll + self.eps * smooth, dtype=logits.dtype)
