"""Strategies for lstm: a cell's weights and inputs with gate pre-activations up to thousands.

The contract is torch's numbers, and torch's sigmoid and tanh saturate to finite values at any magnitude;
`exp` overflows to inf past about 89 in float32 and 710 in float64, so a hand-written
(exp(x) - exp(-x)) / (exp(x) + exp(-x)) gives inf / inf = nan there. To judge values at such magnitudes
without drowning them in rounding, everything lies on a grid where the pre-activations are exact:

- weights and biases are multiples of 1/4 in [-2, 2];
- x, h and c are integers in [-4, 4] times a scale from SCALES (a power of 2).

A pre-activation sums ni + nh products and two biases (ni, nh <= 4): multiples of 1/4 of magnitude at most
8 * 2 * 4 * 512 + 4 < 2**15, which float32's 24-bit significand holds exactly, in any order of summation.
So every correct cell computes the same gates to the last bit before sigmoid and tanh, and differs from
torch only by the rounding of those and of c' = f * c + i * g, h' = o * tanh(c').
"""
from __future__ import annotations

import numpy as np
import torch
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from tests.strategies import float_dtypes

# Scale 1: pre-activations of a few units, where no gate saturates; 64: up to about 2000, past float32's
# overflow of exp (89); 512: up to about 16000, past float64's (710). Powers of 2 keep the grid exact.
SCALES = [1.0, 64.0, 512.0]
sizes = st.integers(1, 4)  # ni, nh and the batch from 1: a cell of one unit, a batch of one


def _grid(shape, low: int, high: int, step: float, dtype: torch.dtype):
    """Tensors of `shape` whose entries are integers in [low, high] times `step`."""
    return arrays(np.int64, shape, elements=st.integers(low, high)).map(
        lambda a: torch.from_numpy(a).to(dtype) * step)


@st.composite
def saturating_cells(draw):
    """(ni, nh, params, x, h, c): LSTMCell weights [weight_ih, bias_ih, weight_hh, bias_hh] and one step's inputs,
    on the exact grid above, in float32 or float64."""
    ni, nh, n = draw(sizes), draw(sizes), draw(sizes)
    dtype = draw(float_dtypes)
    params = [draw(_grid(shape, -8, 8, 0.25, dtype)) for shape in [(4 * nh, ni), (4 * nh,), (4 * nh, nh), (4 * nh,)]]
    scale = draw(st.sampled_from(SCALES))
    x, h, c = (draw(_grid(shape, -4, 4, scale, dtype)) for shape in [(n, ni), (n, nh), (n, nh)])
    return ni, nh, params, x, h, c
