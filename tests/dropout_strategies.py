"""Strategies for dropout: shapes, seeds and inputs whose zeros can only come from the mask."""
from __future__ import annotations

import math

import torch
from hypothesis import strategies as st

seeds = st.integers(0, 2**31 - 1)
# p off 0.5 as well as at it: keeping with probability p instead of 1 - p only shows off 0.5;
# never 0 or 1 here, where nothing is random (those have tests of their own).
probabilities = st.sampled_from([0.1, 0.25, 0.5, 0.7, 0.9])
# Ordinary, tiny and huge magnitudes: dropout only scales, so nothing may underflow or overflow
# (1e-20 stays far above float32's smallest normal 1.2e-38, 1e20 / 0.1 far below its 3.4e38).
scales = st.sampled_from([1.0, 1e-20, 1e20])
# float16's magnitudes: x up to 2 * 100, divided by 1 - p >= 0.1, stays far below its largest 65504, and
# 0.5 * 1e-3 far above its smallest normal 6.1e-5.
half_scales = st.sampled_from([1.0, 1e-3, 100.0])


@st.composite
def shapes(draw, min_rank: int = 1, max_rank: int = 4, max_side: int = 6):
    """Shapes of rank min_rank..max_rank with sides 1 to max_side (sides of 1 first when shrinking)."""
    return tuple(draw(st.lists(st.integers(1, max_side), min_size=min_rank, max_size=max_rank)))


@st.composite
def large_shapes(draw, budget: int = 60_000):
    """Shapes of rank 1 to 4 with at most `budget` elements, most of them near it (statistics need many).

    Sides are drawn up to 400 and each is cut to what the budget leaves, so a
    rank-4 shape still ends up with tens of thousands of elements.
    """
    shape = []
    for side in draw(st.lists(st.integers(1, 400), min_size=1, max_size=4)):
        shape.append(max(1, min(side, budget // max(1, math.prod(shape)))))
    return tuple(shape)


def scramble(seed: int) -> int:
    """A seed unrelated to `seed` (a multiplicative hash, modulo 2^63)."""
    return (seed * 0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019) % 2**63


def nonzero_input(seed: int, shape, dtype, scale: float = 1.0, signs: bool = True) -> torch.Tensor:
    """Entries of magnitude in [0.5, 2] * scale, with random signs unless `signs` is False.

    Never 0 (nor is x / (1 - p)), so a 0 in the output means the element was dropped.
    The tests seed torch with `seed` for the mask; x comes from a generator seeded
    with a scrambled `seed`, so that x and the mask are not drawn from the same stream
    (torch.rand after torch.manual_seed(s) repeats torch.Generator().manual_seed(s)).
    """
    g = torch.Generator().manual_seed(scramble(seed))
    magnitude = 0.5 + 1.5 * torch.rand(shape, generator=g, dtype=torch.float64)
    sign = torch.where(torch.rand(shape, generator=g, dtype=torch.float64) < 0.5, -1.0, 1.0)
    return (magnitude * (sign if signs else 1.0) * scale).to(dtype)


def weights(seed: int, shape, dtype) -> torch.Tensor:
    """Upstream gradient weights for sum(out * w): distinct, non-zero, so a gradient sent to the wrong place shows."""
    return nonzero_input(seed + 1, shape, dtype)


def with_specials(x: torch.Tensor) -> torch.Tensor:
    """x with inf, -inf and nan written over its first three entries (as many as fit)."""
    x = x.clone()
    flat = x.view(-1)
    for i, value in enumerate([float("inf"), float("-inf"), float("nan")][:flat.numel()]):
        flat[i] = value
    return x
