"""Lessons 11-12 (fastbook chapter 7): label smoothing and mixup, two regularisers that change the targets.

Label smoothing: a one-hot target asks the model to be infinitely sure. Smoothing
moves eps of the target's mass onto all C classes evenly, so the loss is

    (1 - eps) * nll(log_softmax(x), target) + eps * mean over classes of -log_softmax(x)

averaged over the batch: `F.cross_entropy(x, target, label_smoothing=eps)`.

Mixup trains on mixtures of pairs of examples: before each training batch it
draws lam from Beta(alpha, alpha) (torch.distributions.Beta, from torch's global
generator), keeps the larger of lam and 1 - lam (so the mixture stays closer to
the first example), draws a permutation of the batch, and mixes

    xb <- lam * xb + (1 - lam) * xb[perm]
    loss <- lam * loss_func(preds, yb) + (1 - lam) * loss_func(preds, yb[perm])

in that order (lam first, then `torch.randperm(N)`), so the same seed gives the same
mixture. Validation batches are left alone: the model is judged on real examples.
"""
import torch
import torch.nn.functional as F
from torch import nn

from .learner import Callback


class LabelSmoothingCrossEntropy(nn.Module):
    """Cross entropy with label smoothing `eps`: `F.cross_entropy(logits, target, label_smoothing=eps)`.

    Args:
        eps: the mass moved from the target onto all classes evenly, in [0, 1].
    """

    def __init__(self, eps: float = 0.1):
        super().__init__()
        ### BEGIN SOLUTION
        self.eps = eps
        ### END SOLUTION

    def forward(self, logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        """logits (N, C), target (N,) int64 -> the batch's mean loss, a 0-d tensor."""
        ### BEGIN SOLUTION
        log_probs = F.log_softmax(logits, dim=-1)
        smooth = -log_probs.mean(-1).mean()
        nll = -log_probs.gather(-1, target[:, None]).mean()
        return (1 - self.eps) * nll + self.eps * smooth
        ### END SOLUTION


class MixUp(Callback):
    """Mixes each training batch with a permutation of itself, and its loss likewise (see the module's docstring).

    Args:
        alpha: the Beta distribution's two parameters.
    """

    def __init__(self, alpha: float = 0.4):
        ### BEGIN SOLUTION
        self.alpha = alpha
        ### END SOLUTION

    def before_batch(self) -> None:
        """In training: draw lam, then the permutation, and mix learn.xb."""
        ### BEGIN SOLUTION
        learn = self.learn
        if not learn.training:
            return
        concentration = torch.tensor(float(self.alpha))
        lam = torch.distributions.Beta(concentration, concentration).sample().item()
        self.lam = max(lam, 1 - lam)
        self.perm = torch.randperm(len(learn.xb))
        learn.xb = self.lam * learn.xb + (1 - self.lam) * learn.xb[self.perm]
        ### END SOLUTION

    def after_loss(self) -> None:
        """In training: the loss of the mixed targets, lam * loss(yb) + (1 - lam) * loss(yb[perm])."""
        ### BEGIN SOLUTION
        learn = self.learn
        if not learn.training:
            return
        learn.loss = (self.lam * learn.loss_func(learn.preds, learn.yb)
                      + (1 - self.lam) * learn.loss_func(learn.preds, learn.yb[self.perm]))
        ### END SOLUTION
