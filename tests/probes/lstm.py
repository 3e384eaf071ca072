"""Probes for lstm: build the student's module, load given weights, run, and differentiate."""
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


def _loaded_cell(m, ni, nh, params, dtype):
    cell = m.LSTMCell(ni, nh).to(dtype)
    _load(cell, *params)
    return cell


def _step(cell, x, h, c):
    out, (h_new, c_new) = cell(x, (h, c))
    return {"out": out, "h": h_new, "c": c_new}


def cell_values(m, ni, nh, params, x, h, c):
    """One step of LSTMCell(ni, nh) with `params` loaded, values only: h', c' and the returned output."""
    return _step(_loaded_cell(m, ni, nh, params, x.dtype), x, h, c)


def cell_twice(m, ni, nh, params, first, second):
    """One LSTMCell, two steps on unrelated inputs `first` and `second` (each [x, h, c]): the values of each."""
    cell = _loaded_cell(m, ni, nh, params, first[0].dtype)
    return [_step(cell, *first), _step(cell, *second)]


def cell_arguments(m, ni, nh, params, x, h, c):
    """x, h and c as they are after one step of the cell on them (none of them requires grad)."""
    _step(_loaded_cell(m, ni, nh, params, x.dtype), x, h, c)
    return {"x": x, "h": h, "c": c}


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


def _loaded_lstm(m, ni, nh, params, dtype):
    """LSTM(ni, nh) built with the stand-in cell and `params` loaded into it; None if it has no such `.cell`."""
    saved = getattr(m, "LSTMCell", None)
    m.LSTMCell = _StandInCell
    try:
        lstm = m.LSTM(ni, nh).to(dtype)
    finally:
        m.LSTMCell = saved
    cell = getattr(lstm, "cell", None)
    if not isinstance(cell, nn.Module) or not hasattr(cell, "ih"):
        return None
    _load(cell, *params)
    return lstm


NO_CELL = {"error": "LSTM has no .cell holding an LSTMCell"}


def _run(lstm, x, state):
    outputs, (h, c) = lstm(x) if state is None else lstm(x, tuple(state))
    return {"outputs": outputs, "h": h, "c": c}


def sequence_twice(m, ni, nh, params, first, state, second):
    """One LSTM, two calls: on `first` from `state` (None: the default), then on `second` with no state given.

    The results are returned as the first call returned them, after the second call: a caller still holds them.
    """
    lstm = _loaded_lstm(m, ni, nh, params, first.dtype)
    if lstm is None:
        return NO_CELL
    return [_run(lstm, first, state), _run(lstm, second, None)]


def sequence_arguments(m, ni, nh, params, x, h0, c0):
    """x and the given state's h0, c0 as they are after one call of the LSTM on them (none requires grad)."""
    lstm = _loaded_lstm(m, ni, nh, params, x.dtype)
    if lstm is None:
        return NO_CELL
    _run(lstm, x, (h0, c0))
    return {"x": x, "h0": h0, "c0": c0}


def sequence(m, ni, nh, params, x, state, weights):
    """LSTM(ni, nh) (with the stand-in cell) over x; outputs, last (h, c) and gradients for x and the state."""
    lstm = _loaded_lstm(m, ni, nh, params, x.dtype)
    if lstm is None:
        return NO_CELL
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
