"""Lessons 11-12 (fastbook chapter 7): label smoothing and mixup, two regularisers that change the targets.

Label smoothing: a one-hot target asks the model to be infinitely sure. Smoothing
moves eps of the target's mass onto all C classes evenly, so the loss is

    (1 - eps) * nll(log_softmax(x), target) + eps * mean over classes of -log_softmax(x)

averaged over the batch: `F.cross_entropy(x, target, label_smoothing=eps)`, for
any eps in [0, 1] (0: plain cross entropy; 1: the mean of -log_softmax alone), N
and C from 1, and logits of any magnitude torch handles (up to 1e30, 1e300 in
float64): take log_softmax (the max trick), never the log of a softmax. It is
judged to a few ulps of the largest logit, its gradient likewise, and leaves
the logits and targets as they were.

Mixup trains on mixtures of pairs of examples: before each training batch it
draws lam from Beta(alpha, alpha) (torch.distributions.Beta, from torch's global
generator), keeps the larger of lam and 1 - lam (so the mixture stays closer to
the first example), draws a permutation of the batch, and mixes

    xb <- lam * xb + (1 - lam) * xb[perm]
    loss <- lam * loss_func(preds, yb) + (1 - lam) * loss_func(preds, yb[perm])

in that order (lam first, then `torch.randperm(N)`), so the same seed gives the same
mixture. lam is one number for the whole batch; torch's Beta samples in float32
(its default dtype), and a lam drawn or folded in float64 is as good (within
float32's rounding). learn.xb and learn.loss keep their dtypes, the loss stays a
tensor autograd differentiates, learn.yb stays the batch's own targets (yb[perm]
lives in the loss only), and the batch the learner handed over is not changed in
place. Validation batches (learn.training False) are left alone, inputs and loss:
the model is judged on real examples.
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
        """logits (N, C), target (N,) int64 -> the batch's mean loss, a 0-d tensor of the logits' dtype."""
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
