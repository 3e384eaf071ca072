"""Lesson 12: the LSTM cell and a one-layer LSTM, by hand.

An LSTM cell carries two states: h (the output, short-term) and c (the cell,
long-term). From the input x and the previous h it computes four gates with
one linear layer each for x and h, split into blocks in torch's order:

    i, f, g, o = (ih(x) + hh(h)).chunk(4, dim=1)
    i, f, o = sigmoid(i), sigmoid(f), sigmoid(o)     # input, forget, output gates
    g = tanh(g)                                      # the candidate cell values
    c' = f * c + i * g                               # forget some, add some
    h' = o * tanh(c')

`ih = nn.Linear(ni, 4 * nh)` and `hh = nn.Linear(nh, 4 * nh)`, so copying
torch.nn.LSTMCell's weight_ih, bias_ih, weight_hh and bias_hh into them gives
torch's results. `LSTM` runs one cell over a batch-first sequence.

Neither module keeps a state between calls (a call with state None starts from
zeros, every time), and neither changes x, h or c. The numbers must stay
torch's at any magnitude: a gate's pre-activation may be in the hundreds, where
a tanh written as (exp(x) - exp(-x)) / (exp(x) + exp(-x)) overflows to nan; use
torch.sigmoid and torch.tanh, or formulas that cannot overflow.
"""
import torch
from torch import nn


class LSTMCell(nn.Module):
    """One LSTM step: `forward(x, (h, c))` returns `h', (h', c')`.

    Args:
        ni: input features.
        nh: hidden features.
    """

    def __init__(self, ni: int, nh: int):
        super().__init__()
        raise NotImplementedError("lesson 12, assignment 14 lstm: write LSTMCell.__init__")

    def forward(self, x: torch.Tensor, state):
        """x (N, ni), state (h, c) each (N, nh) -> h' (N, nh), (h', c')."""
        raise NotImplementedError("lesson 12, assignment 14 lstm: write LSTMCell.forward")


class LSTM(nn.Module):
    """A one-layer LSTM over batch-first sequences, built on one LSTMCell stored as `cell`.

    Args:
        ni: input features.
        nh: hidden features.
    """

    def __init__(self, ni: int, nh: int):
        super().__init__()
        raise NotImplementedError("lesson 12, assignment 14 lstm: write LSTM.__init__")

    def forward(self, x: torch.Tensor, state=None):
        """x (N, L, ni) -> outputs (N, L, nh) and the last (h, c), each (N, nh); state None means zeros."""
        raise NotImplementedError("lesson 12, assignment 14 lstm: write LSTM.forward")
