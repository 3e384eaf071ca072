"""Probes for assignment 08, lstm: build the student's module, load given weights, run, and differentiate."""
import torch
from torch import nn


def _load(cell, weight_ih, bias_ih, weight_hh, bias_hh):
    with torch.no_grad():
        cell.ih.weight.copy_(weight_ih)
        cell.ih.bias.copy_(bias_ih)
        cell.hh.weight.copy_(weight_hh)
        cell.hh.bias.copy_(bias_hh)


def _grads(outputs, weights, inputs):
    """Gradients of sum(output * weight) over the outputs, with respect to each input (None if unused)."""
    total = sum((out * w).sum() for out, w in zip(outputs, weights))
    return list(torch.autograd.grad(total, inputs, allow_unused=True))


def cell_step(m, ni, nh, params, x, h, c, weights):
    """LSTMCell(ni, nh) with `params` loaded: returns h', c' and the gradients for x, h, c and the four parameters."""
    cell = m.LSTMCell(ni, nh).to(x.dtype)
    _load(cell, *params)
    with torch.enable_grad():
        x, h, c = (t.clone().requires_grad_() for t in (x, h, c))
        out, (h_new, c_new) = cell(x, (h, c))
        grads = _grads([out, h_new, c_new], weights, [x, h, c, cell.ih.weight, cell.ih.bias, cell.hh.weight,
                                                      cell.hh.bias])
    return {"out": out, "h": h_new, "c": c_new, "grads": grads}


def cell_attributes(m, ni, nh):
    cell = m.LSTMCell(ni, nh)
    parts = {}
    for name in ("ih", "hh"):
        layer = getattr(cell, name, None)
        parts[name] = [type(layer).__name__, getattr(layer, "in_features", None), getattr(layer, "out_features", None)]
    return parts


class _StandInCell(nn.Module):
    """The kit's own LSTM cell, so that LSTM is graded on running the sequence, not on the student's cell."""

    def __init__(self, ni, nh):
        super().__init__()
        self.ih, self.hh = nn.Linear(ni, 4 * nh), nn.Linear(nh, 4 * nh)

    def forward(self, x, state):
        h, c = state
        i, f, g, o = (self.ih(x) + self.hh(h)).chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, (h, c)


def sequence(m, ni, nh, params, x, state, weights):
    """LSTM(ni, nh) (with the stand-in cell) over x; outputs, last (h, c) and gradients for x and the state."""
    saved = getattr(m, "LSTMCell", None)
    m.LSTMCell = _StandInCell
    try:
        lstm = m.LSTM(ni, nh).to(x.dtype)
    finally:
        m.LSTMCell = saved
    cell = getattr(lstm, "cell", None)
    if not isinstance(cell, nn.Module) or not hasattr(cell, "ih"):
        return {"error": "LSTM has no .cell holding an LSTMCell"}
    _load(cell, *params)
    with torch.enable_grad():
        x = x.clone().requires_grad_()
        if state is None:
            outputs, (h, c) = lstm(x)
            grads = _grads([outputs, h, c], weights, [x])
        else:
            h0, c0 = (t.clone().requires_grad_() for t in state)
            outputs, (h, c) = lstm(x, (h0, c0))
            grads = _grads([outputs, h, c], weights, [x, h0, c0])
    return {"outputs": outputs, "h": h, "c": c, "grads": grads}
