"""Lesson 9: log-sum-exp, log-softmax, negative log likelihood, cross entropy, accuracy.

Every reduction runs over the last dimension of a tensor of any rank >= 1:
for logits x of shape (..., C), `logsumexp(x)` has shape (...) and
`log_softmax(x)` has x's shape. `nll`, `cross_entropy` and `accuracy` take a
batch: an (N, C) input and (N,) int64 class indices.

The lesson's idea is numerical: exp(1000) overflows to inf (exp(89) already
does in float32), so log(sum(exp(x))) must not be computed as written. For any
number m,

    log(sum_j exp(x_j)) = m + log(sum_j exp(x_j - m)),

and with m = max_j x_j every term exp(x_j - m) lies in (0, 1], one of them is
exactly 1, so the sum lies in [1, C]: no overflow and no log(0), whatever the
magnitude of x. This is the "max trick" (LogSumExp trick).

-inf entries are logits of impossible classes: exp(-inf) = 0, so they drop
out of the sum. A row of only -inf has an empty sum, and its logsumexp is
log(0) = -inf; there the max is -inf too, and x - m = -inf - (-inf) is nan,
so such a row must be shifted by something finite (0 will do).

Then log_softmax(x) = x - logsumexp(x) (the log of exp(x_i) / sum_j exp(x_j)),
cross entropy is the negative log likelihood of log_softmax(logits), and the
loss of a batch is the mean over its rows, as in torch.nn.functional.
"""
import torch


def logsumexp(x: torch.Tensor) -> torch.Tensor:
    r"""$\log \sum_j e^{x_j}$ over the last dimension, without overflow: the max trick.

    Computes m + log(sum_j exp(x_j - m)) with m the row's max, so that every
    exponential lies in (0, 1]. Agrees with `torch.logsumexp(x, -1)`; its
    gradient is softmax(x).

    Args:
        x: float tensor of shape (..., C), rank >= 1, C >= 1; entries finite
            (of any magnitude) or -inf.

    Returns:
        Tensor of shape (...) (the last dimension reduced away) in x's dtype;
        -inf for a row of only -inf (never nan).
    """
    raise NotImplementedError("lesson 9, assignment 04 loss: write logsumexp")


def log_softmax(x: torch.Tensor) -> torch.Tensor:
    r"""$\log(e^{x_i} / \sum_j e^{x_j}) = x_i - \operatorname{logsumexp}(x)$ over the last dimension.

    The logsumexp of each row (shape (...)) must be broadcast back over the
    row's C entries: put the reduced axis back (unsqueeze(-1), or keepdim)
    before subtracting. Agrees with `F.log_softmax(x, -1)`, for logits of any
    magnitude; exp of each row sums to 1.

    Rows holding some -inf: those entries come out -inf (probability 0) and
    the others as if the -inf entries were absent. A row of only -inf is not
    a distribution (it has no mass to normalise); torch gives nan there, and
    this contract leaves such a row's values unspecified (nan, as here, or
    anything else), as long as the other rows are right.

    Args:
        x: float tensor of shape (..., C), rank >= 1, C >= 1; entries finite
            or -inf.

    Returns:
        Tensor of x's shape and dtype.
    """
    raise NotImplementedError("lesson 9, assignment 04 loss: write log_softmax")


def nll(log_probs: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    r"""Negative log likelihood: $-\frac{1}{N}\sum_i \text{log\_probs}[i, \text{target}[i]]$.

    Picks one entry per row, the target class's, negates it and averages over
    the batch (a mean, not a sum). Agrees with `F.nll_loss(log_probs, target)`
    for any finite (N, C) input, log-probabilities or not.

    Args:
        log_probs: (N, C) float tensor, N >= 1, C >= 1.
        target: (N,) int64 class indices in [0, C).

    Returns:
        0-dim tensor in log_probs' dtype.
    """
    raise NotImplementedError("lesson 9, assignment 04 loss: write nll")


def cross_entropy(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Cross entropy of logits against class indices: `nll(log_softmax(logits), target)`.

    The composition of the two functions above: the log of the softmax (never
    the softmax itself, and no second softmax), then the mean negative log
    likelihood of the targets. Agrees with `F.cross_entropy(logits, target)`
    for finite logits of any magnitude.

    Args:
        logits: (N, C) float tensor of unnormalised scores, N >= 1, C >= 1.
        target: (N,) int64 class indices in [0, C).

    Returns:
        0-dim tensor in logits' dtype.
    """
    raise NotImplementedError("lesson 9, assignment 04 loss: write cross_entropy")


def accuracy(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """The fraction of rows whose largest logit is at the target's index.

    The prediction of row i is argmax_j logits[i, j], over the class axis
    (the last one, not the batch). When a row's largest value occurs twice
    any of its positions may be taken as the prediction.

    Args:
        logits: (N, C) float tensor of scores, N >= 1, C >= 1.
        target: (N,) int64 class indices in [0, C).

    Returns:
        0-dim floating-point tensor in [0, 1]: the fraction, not a count, and
        not an integer tensor (an integer mean would round it to 0 or 1).
    """
    raise NotImplementedError("lesson 9, assignment 04 loss: write accuracy")
