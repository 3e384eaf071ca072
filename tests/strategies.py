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


@st.composite
def network(draw, dtype=None):
    """The lesson's network: inp (N, n_in), targ (N,), w1 (n_in, nh), b1 (nh,), w2 (nh, 1), b2 (1,).

    Sizes start at 1 (a batch of one); entries in [-10, 10] with exact zeros
    mixed in, so relu's kink and dead units occur.
    """
    return draw(networks(1, dtype))[0]


@st.composite
def networks(draw, count: int, dtype=None):
    """`count` value sets for the lesson's network, all of one shape and dtype (see `network`).

    For a function driven twice on the same tensors: the second set is copied into them in place.
    """
    n, n_in, nh = draw(st.integers(1, 8)), draw(st.integers(1, 6)), draw(st.integers(1, 6))
    dtype = dtype or draw(float_dtypes)
    shapes = [(n, n_in), (n,), (n_in, nh), (nh,), (nh, 1), (1,)]
    return [[draw(tensors(shape, dtype, bound=10.0, zeros=True)) for shape in shapes] for _ in range(count)]


@st.composite
def layer(draw, dtype=None, upstream: int = 1):
    """A linear layer's inp (N, n_in), w (n_in, n_out), b (n_out,) and `upstream` gradients (N, n_out).

    More than one upstream gradient is for a function called twice on the same layer.
    """
    n, n_in, n_out = draw(st.integers(1, 8)), draw(st.integers(1, 6)), draw(st.integers(1, 6))
    dtype = dtype or draw(float_dtypes)
    return [draw(tensors(shape, dtype, bound=10.0, zeros=True))
            for shape in [(n, n_in), (n_in, n_out), (n_out,)] + [(n, n_out)] * upstream]


@st.composite
def same_shape_pair(draw, dtype=None, max_rank=3, gradients: int = 1):
    """Tensors of one random shape (rank 1 to max_rank, sides 1 to 5): an input with zeros, and a gradient.

    With `gradients` > 1, that many gradients follow the input (for a function called twice).
    """
    shape = tuple(draw(st.lists(st.integers(1, 5), min_size=1, max_size=max_rank)))
    dtype = dtype or draw(float_dtypes)
    return (draw(tensors(shape, dtype, bound=10.0, zeros=True)),
            *(draw(tensors(shape, dtype, bound=10.0)) for _ in range(gradients)))


@st.composite
def predictions(draw, dtype=None, targets: int = 1):
    """An (N, 1) output and (N,) targets, N from 1; `targets` > 1 gives that many target tensors."""
    n = draw(st.integers(1, 10))
    dtype = dtype or draw(float_dtypes)
    return (draw(tensors((n, 1), dtype, bound=10.0, zeros=True)),
            *(draw(tensors((n,), dtype, bound=10.0)) for _ in range(targets)))
