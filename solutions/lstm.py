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
        ### BEGIN SOLUTION
        self.ih = nn.Linear(ni, 4 * nh)
        self.hh = nn.Linear(nh, 4 * nh)
        ### END SOLUTION

    def forward(self, x: torch.Tensor, state):
        """x (N, ni), state (h, c) each (N, nh) -> h' (N, nh), (h', c')."""
        ### BEGIN SOLUTION
        h, c = state
        i, f, g, o = (self.ih(x) + self.hh(h)).chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, (h, c)
        ### END SOLUTION


class LSTM(nn.Module):
    """A one-layer LSTM over batch-first sequences, built on one LSTMCell stored as `cell`.

    Args:
        ni: input features.
        nh: hidden features.
    """

    def __init__(self, ni: int, nh: int):
        super().__init__()
        ### BEGIN SOLUTION
        self.cell = LSTMCell(ni, nh)
        self.nh = nh
        ### END SOLUTION

    def forward(self, x: torch.Tensor, state=None):
        """x (N, L, ni) -> outputs (N, L, nh) and the last (h, c), each (N, nh); state None means zeros."""
        ### BEGIN SOLUTION
        if state is None:
            zeros = x.new_zeros(x.shape[0], self.cell.hh.in_features)
            state = (zeros, zeros)
        outputs = []
        for t in range(x.shape[1]):
            out, state = self.cell(x[:, t], state)
            outputs.append(out)
        return torch.stack(outputs, dim=1), state
        ### END SOLUTION
