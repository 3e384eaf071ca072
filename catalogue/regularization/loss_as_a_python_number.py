"""The loss is assembled from .item() values into a new tensor: right numbers, no gradient."""
EXERCISE = "LabelSmoothingCrossEntropy"
TITLE = "loss rebuilt from .item() numbers, cut off from autograd"
EXPLANATION = (".item() turns a tensor into a Python float, so the new torch.tensor(...) holds the right value but no "
               "history: no gradient reaches the logits and the model cannot learn. Keep the loss a chain of torch "
               "operations on the logits (log_softmax, gather, mean) (lesson 12 and fastbook chapter 7: label "
               "smoothing).")


class LabelSmoothingCrossEntropy(LabelSmoothingCrossEntropy):
    def forward(self, logits, target):
        log_probs = F.log_softmax(logits, dim=-1)
        smooth = -log_probs.mean(-1).mean().item()
        nll = F.nll_loss(log_probs, target).item()
        return torch.tensor((1 - self.eps) * nll + self.eps * smooth, dtype=logits.dtype)
