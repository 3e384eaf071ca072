"""Strategies for loss: logits of every magnitude, -inf entries, class targets."""
from __future__ import annotations

import numpy as np
import torch
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from tests.strategies import float_dtypes, tensors

NEG_INF = float("-inf")

# Entries are drawn in [-10, 10] (exact zeros, hence ties, included) and then scaled. At scale 1
# softmax is far from one-hot and every formula is well conditioned; from 1e3 on (entries up to
# 1e4) the naive exp overflows (exp(89) is inf in float32, exp(710) in float64); 1e29 reaches
# 1e30, and float64 also goes to 1e300. Nothing larger: C terms of 1e300 (C <= 6) stay far
# below float64's 1.8e308 and 6e30 below float32's 3.4e38, so torch's own result is finite.
SCALES = {torch.float32: [1.0, 1e3, 1e29], torch.float64: [1.0, 1e3, 1e29, 1e299]}
BOUND = 10.0

classes = st.integers(1, 6)  # C from 1: a single class has logsumexp x and log_softmax 0
batch = st.integers(1, 8)    # N from 1


@st.composite
def scaled(draw, shape, dtype):
    """A float tensor of `shape` with entries in [-10, 10] times a scale drawn from SCALES[dtype]."""
    scale = draw(st.sampled_from(SCALES[dtype]))
    return draw(tensors(shape, dtype, bound=BOUND, scale=scale, zeros=True))


@st.composite
def logits(draw, min_rank: int = 1, max_rank: int = 3, neg_inf: bool = False):
    """Logits of rank min_rank..max_rank (leading sides 1 to 5, C from 1 to 6), any dtype and magnitude.

    With `neg_inf`, entries chosen by hypothesis are -inf, and maybe one row is all -inf.
    """
    rank = draw(st.integers(min_rank, max_rank))
    shape = tuple(draw(st.lists(st.integers(1, 5), min_size=rank - 1, max_size=rank - 1))) + (draw(classes),)
    dtype = draw(float_dtypes)
    x = draw(scaled(shape, dtype))
    if neg_inf:
        mask = draw(arrays(np.bool_, shape))
        x = x.masked_fill(torch.from_numpy(mask), NEG_INF)
        rows = x.view(-1, shape[-1])
        if draw(st.booleans()):
            rows[draw(st.integers(0, len(rows) - 1))] = NEG_INF
    return x


def targets(n: int, c: int):
    """(n,) int64 class indices in [0, c)."""
    return st.lists(st.integers(0, c - 1), min_size=n, max_size=n).map(
        lambda values: torch.tensor(values, dtype=torch.int64))


@st.composite
def classification(draw):
    """(logits (N, C), targets (N,) int64), N and C from 1, any dtype and magnitude."""
    n, c = draw(batch), draw(classes)
    return draw(scaled((n, c), draw(float_dtypes))), draw(targets(n, c))


@st.composite
def classification_without_ties(draw):
    """(logits (N, C), targets (N,)) where no row holds the same value twice.

    A row's largest value then sits at one index, so every correct argmax picks
    the same class; with a tie, argmax may return either index (torch does not
    promise which) and two correct accuracies could differ. Values are float32
    numbers, so they stay distinct in both dtypes.
    """
    n, c = draw(batch), draw(classes)
    values = st.floats(-1e6, 1e6, width=32, allow_subnormal=False)
    rows = [draw(st.lists(values, min_size=c, max_size=c, unique=True)) for _ in range(n)]
    return torch.tensor(rows, dtype=draw(float_dtypes)), draw(targets(n, c))
