"""Lesson 12: dropout.

In training, dropout zeroes each activation independently with probability p
and scales the survivors by 1/(1-p), so that every element keeps its
expected value: E[out] = (1-p) * x / (1-p) = x. At inference (eval mode) it
does nothing. The mask is drawn from torch's global generator, so
`torch.manual_seed` makes a run reproducible.

    Dropout(p)(x)_i = x_i * m_i / (1 - p),  m_i ~ Bernoulli(1 - p) independently for every i

With p = 0 nothing is dropped, so x comes back unchanged; with p = 1 every
element is dropped and the output is zeros for any x (returning zeros
outright: x * 0 would turn inf into nan, and 1 / (1 - p) divides by zero).
"""
import torch
from torch import nn


class Dropout(nn.Module):
    """Zero each element with probability p in training, scaling the rest by 1/(1-p).

    Args:
        p: the probability of zeroing an element, in [0, 1].

    Raises:
        ValueError: if p is outside [0, 1], nan included (nan < 0 and nan > 1 are both False).
    """

    def __init__(self, p: float = 0.5):
        super().__init__()
        raise NotImplementedError("lesson 12, assignment 12 dropout: write Dropout.__init__")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x in eval mode or with p = 0; zeros with p = 1 (even for inf and nan); else x * mask / (1 - p).

        Args:
            x: float tensor of any shape (0-d included) and any float dtype (float16 included).

        Returns:
            Tensor of x's shape and dtype; in training, each element independently
            0 with probability p and x / (1 - p) otherwise.
        """
        raise NotImplementedError("lesson 12, assignment 12 dropout: write Dropout.forward")
