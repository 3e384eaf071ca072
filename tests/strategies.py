"""Hypothesis strategies shared by the kit's tests. Every limit says why it is there."""
from __future__ import annotations

import numpy as np
import torch
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

FLOAT_DTYPES = {torch.float32: np.float32, torch.float64: np.float64}
float_dtypes = st.sampled_from(list(FLOAT_DTYPES))

# Sides up to 6: the three-loop matmul makes n*k*p Python-level tensor operations
# (about 5 us each), and 6**3 keeps one call near 1 ms; sides of 1 come first when shrinking.
small_side = st.integers(1, 6)


def tensors(shape, dtype: torch.dtype, *, bound: float = 1e3, scale: float = 1.0, zeros: bool = False):
    """Float tensors of `shape` with entries in [-bound, bound] * scale.

    `bound` keeps products of two entries, summed a few times, far from overflow
    in float32; `scale` moves the whole tensor to huge or tiny magnitudes.
    With `zeros`, about a third of the entries are exactly 0 (relu's kink).
    """
    width = 32 if dtype == torch.float32 else 64
    values = st.floats(-bound, bound, width=width, allow_subnormal=False)
    if zeros:
        values = st.one_of(st.just(0.0), values)
    return arrays(FLOAT_DTYPES[dtype], shape, elements=values).map(
        lambda array: torch.from_numpy(array * FLOAT_DTYPES[dtype](scale)))


# Magnitudes: ordinary, tiny and huge. float32's 1e15 * 1e15 * 6 stays below its 3.4e38.
scales = st.sampled_from([1.0, 1e-12, 1e12])


@st.composite
def matmul_operands(draw, side=small_side):
    """(a, b): a of shape (n, k) and b of shape (k, p), one dtype, one magnitude each."""
    n, k, p = draw(side), draw(side), draw(side)
    dtype = draw(float_dtypes)
    a = draw(tensors((n, k), dtype, scale=draw(scales)))
    b = draw(tensors((k, p), dtype, scale=draw(scales)))
    return a, b


@st.composite
def mismatched_shapes(draw):
    """((n, k1), (k2, p)) with k1 != k2, all four sizes distinct so a message can be read unambiguously."""
    sizes = draw(st.lists(st.integers(1, 9), min_size=4, max_size=4, unique=True))
    return (sizes[0], sizes[1]), (sizes[2], sizes[3])
