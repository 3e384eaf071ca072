"""Strategies for assignment 03, loss."""
from __future__ import annotations

import torch
from hypothesis import strategies as st

from tests.strategies import float_dtypes, tensors

# Magnitudes where the naive log(sum(exp(x))) overflows (exp(89) is inf in float32, exp(710) in float64)
# and one where nothing does; float32 holds 1e30 * 1e3 comfortably below its 3.4e38.
logit_scales = st.sampled_from([1.0, 1e4, 1e30])


@st.composite
def logits(draw, min_rank: int = 1, max_rank: int = 3, neg_inf: bool = False):
    """Float tensors of rank min_rank..max_rank (sides 1 to 5, classes 1 to 6), maybe huge, maybe with -inf.

    With `neg_inf`, about a quarter of the entries are -inf and one row (if any) is all -inf.
    """
    rank = draw(st.integers(min_rank, max_rank))
    shape = tuple(draw(st.lists(st.integers(1, 5), min_size=rank - 1, max_size=rank - 1))) + (draw(st.integers(1, 6)),)
    dtype = draw(float_dtypes)
    x = draw(tensors(shape, dtype, scale=draw(logit_scales)))
    if neg_inf:
        mask = draw(tensors(shape, torch.float64, bound=1.0)) > 0.5
        x = x.masked_fill(mask, float("-inf"))
        if x.dim() > 1:
            x.view(-1, shape[-1])[0] = float("-inf")
    return x


@st.composite
def classification(draw, distinct: bool = False):
    """(logits (N, C), targets (N,) int64), N and C from 1; with `distinct`, no two logits of a row are equal.

    Distinct logits make the argmax unique, so every correct accuracy agrees (ties may go either way).
    """
    n, c = draw(st.integers(1, 8)), draw(st.integers(1, 6))
    dtype = draw(float_dtypes)
    if distinct:
        rows = [draw(st.permutations(range(c))) for _ in range(n)]
        x = torch.tensor(rows, dtype=dtype) * draw(st.sampled_from([1.0, 0.5, 1e4]))
    else:
        x = draw(tensors((n, c), dtype, scale=draw(logit_scales)))
    target = torch.tensor(draw(st.lists(st.integers(0, c - 1), min_size=n, max_size=n)), dtype=torch.int64)
    return x, target
