"""Lesson 10: normalisation layers, BatchNorm, LayerNorm and InstanceNorm, for inputs (N, C, H, W).

Each normalises with a mean and a *biased* variance (divided by the count, not
count - 1), adds eps inside the square root, then scales and shifts with
learned parameters:

    y = (x - mean) / sqrt(var + eps) * mult + add

They differ in what the statistics are taken over:

- BatchNorm: per channel, over the batch and the positions (N, H, W). In
  training it uses the batch's statistics and updates running ones,
      means.lerp_(mean, mom)    vars.lerp_(unbiased variance, mom)
  (the running variance is the unbiased one, as torch's is); in eval it uses
  the running statistics, so one input gives one output whatever the batch.
  It equals `nn.BatchNorm2d(nf, eps=eps, momentum=mom)`, outputs and buffers.
- LayerNorm: per sample, over everything else (C, H, W), with scalar `mult`
  and `add`: `F.layer_norm(x, x.shape[1:], eps=eps) * mult + add`.
- InstanceNorm: per sample and channel, over the positions (H, W):
  `F.instance_norm(x, eps=eps) * mults + adds`.

Compute the variance as the mean of squared deviations, ((x - mean) ** 2).mean():
the shortcut E[x^2] - E[x]^2 subtracts two large numbers when the inputs sit
far from zero (an offset of 1e4 in float32) and loses the variance entirely.
Results keep x's dtype (float32 or float64) and are judged within the rounding
error of such a two-pass computation in that dtype.

Statistics need more than one value: BatchNorm in training needs N*H*W > 1 and
InstanceNorm H*W > 1 (torch raises otherwise); a batch of one is fine for
BatchNorm in eval, LayerNorm and InstanceNorm. No layer changes its input x,
and BatchNorm updates its running statistics without autograd (in place, under
torch.no_grad()), so they never require grad.
"""
import torch
from torch import nn


class BatchNorm(nn.Module):
    """Batch normalisation: per-channel statistics of the batch in training, running ones in eval.

    Args:
        nf: channels.
        mom: weight of the new batch in the running statistics (torch's momentum).
        eps: added to the variance inside the square root.

    Attributes:
        mults, adds: parameters (nf, 1, 1), ones and zeros.
        means, vars: buffers (1, nf, 1, 1), zeros and ones.
    """

    def __init__(self, nf: int, mom: float = 0.1, eps: float = 1e-5):
        super().__init__()
        raise NotImplementedError("lesson 10, assignment 09 norm: write BatchNorm.__init__")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x (N, nf, H, W) -> normalised, of x's shape; in training, the running statistics updated."""
        raise NotImplementedError("lesson 10, assignment 09 norm: write BatchNorm.forward")


class LayerNorm(nn.Module):
    """Layer normalisation: each sample normalised over all its dimensions, then `* mult + add` (scalars).

    Args:
        eps: added to the variance inside the square root.

    Attributes:
        mult, add: scalar parameters, 1. and 0.
    """

    def __init__(self, eps: float = 1e-5):
        super().__init__()
        raise NotImplementedError("lesson 10, assignment 09 norm: write LayerNorm.__init__")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x (N, ...) -> of x's shape."""
        raise NotImplementedError("lesson 10, assignment 09 norm: write LayerNorm.forward")


class InstanceNorm(nn.Module):
    """Instance normalisation: each sample's each channel normalised over its positions, then `* mults + adds`.

    Args:
        nf: channels.
        eps: added to the variance inside the square root.

    Attributes:
        mults, adds: parameters (nf, 1, 1), ones and zeros.
    """

    def __init__(self, nf: int, eps: float = 1e-5):
        super().__init__()
        raise NotImplementedError("lesson 10, assignment 09 norm: write InstanceNorm.__init__")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x (N, nf, H, W) -> of x's shape."""
        raise NotImplementedError("lesson 10, assignment 09 norm: write InstanceNorm.forward")
