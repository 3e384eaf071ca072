"""Assignment 03 (lesson 9): log-sum-exp, log-softmax, negative log likelihood, cross entropy, accuracy.

Every reduction runs over the last dimension of a tensor of any rank >= 1:
for logits x of shape (..., C), the result has shape (...).

The lesson's idea is numerical: exp(1000) overflows to inf, so

    logsumexp(x) = m + log(sum_j exp(x_j - m)),   m = max_j x_j,

which is exact in real arithmetic for any m, and computable in floating
point for m = max, since every exp(x_j - m) lies in (0, 1]. A row holding
-inf entries simply ignores them (exp(-inf) = 0); a row of only -inf has
logsumexp -inf (the log of an empty sum), and then the max trick must not
compute -inf - (-inf) = nan.
"""
import torch


def logsumexp(x: torch.Tensor) -> torch.Tensor:
    """log(sum(exp(x))) over the last dimension, without overflow: the max trick.

    Args:
        x: float tensor of shape (..., C), finite entries of any magnitude, or -inf.

    Returns:
        Tensor of shape (...) in x's dtype; -inf for a row of only -inf.
    """
    raise NotImplementedError("lesson 9, assignment 03 loss: write logsumexp")


def log_softmax(x: torch.Tensor) -> torch.Tensor:
    """log(softmax(x)) over the last dimension: x - logsumexp(x), broadcast back over the last axis.

    Args:
        x: float tensor of shape (..., C), each row with at least one finite entry.

    Returns:
        Tensor of x's shape and dtype; exp of each row sums to 1.
    """
    raise NotImplementedError("lesson 9, assignment 03 loss: write log_softmax")


def nll(log_probs: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Negative log likelihood: the mean over the batch of -log_probs[i, target[i]].

    Args:
        log_probs: (N, C) log-probabilities.
        target: (N,) int64 class indices in [0, C).

    Returns:
        0-dim tensor, like F.nll_loss(log_probs, target).
    """
    raise NotImplementedError("lesson 9, assignment 03 loss: write nll")


def cross_entropy(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Cross entropy of logits against class targets: nll(log_softmax(logits), target).

    Args:
        logits: (N, C) unnormalised scores.
        target: (N,) int64 class indices.

    Returns:
        0-dim tensor, like F.cross_entropy(logits, target).
    """
    raise NotImplementedError("lesson 9, assignment 03 loss: write cross_entropy")


def accuracy(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """The fraction of rows whose largest logit is at the target's index.

    Args:
        logits: (N, C) scores.
        target: (N,) int64 class indices.

    Returns:
        0-dim float tensor in [0, 1] (not a count, not an integer tensor).
    """
    raise NotImplementedError("lesson 9, assignment 03 loss: write accuracy")
