"""Assignment 06: Dropout, with statistical tests whose bounds are sound.

Every statistical bound below fails a correct implementation with probability
below 1e-9 (Hoeffding: P(|mean - E| >= t) <= 2 exp(-2 n t^2)), and the seeds
come from hypothesis's derandomized draws, so a grade never depends on luck.
"""
from __future__ import annotations

import math

import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from grader.testing import Mismatch, exercise, expect_close, expect_raises, expect_tensor
from tests.probes import dropout as probe
from tests.strategies import float_dtypes

FALSE_FAILURE = 1e-9
# p away from 0.5 as well as at it: keeping with probability p instead of 1-p is only visible off 0.5.
probabilities = st.sampled_from([0.1, 0.25, 0.5, 0.7, 0.9])
seeds = st.integers(0, 2**31 - 1)
N = 40_000  # elements in the statistical tests: a Hoeffding margin of 0.016


def hoeffding_margin(n: int) -> float:
    """t with 2 exp(-2 n t^2) = FALSE_FAILURE."""
    return math.sqrt(math.log(2 / FALSE_FAILURE) / (2 * n))


def nonzero_input(seed: int, shape, dtype) -> torch.Tensor:
    """Entries in [0.5, 2] with random signs: never 0, so a 0 in the output means dropped."""
    g = torch.Generator().manual_seed(seed)
    magnitude = 0.5 + 1.5 * torch.rand(shape, generator=g, dtype=torch.float64)
    sign = torch.where(torch.rand(shape, generator=g) < 0.5, -1.0, 1.0).double()
    return (magnitude * sign).to(dtype)


@st.composite
def shapes(draw, max_rank=4):
    return tuple(draw(st.lists(st.integers(1, 6), min_size=1, max_size=max_rank)))


@exercise("Dropout", points=3, hint="zero each element with probability p: keep it where torch.rand(...) >= p "
                                    "(that is, with probability 1 - p)")
@settings(max_examples=15)
@given(p=probabilities, seed=seeds)
def test_zeroes_a_fraction_p(impl, p, seed):
    """In training, the fraction of zeroed elements is p (within a bound failing 1 run in 10^9)."""
    x = nonzero_input(seed, (200, N // 200), torch.float32)
    out, _ = impl.run(probe.forward, p, x, True, seed)
    out = expect_tensor(out, what=f"Dropout({p})(x)", shape=x.shape)
    rate = (out == 0).double().mean().item()
    if abs(rate - p) > hoeffding_margin(N):
        raise Mismatch(f"Dropout({p}) zeroed {rate:.4f} of {N} elements; expected {p} +- {hoeffding_margin(N):.4f}")


@exercise("Dropout", points=3, hint="scale what you keep by 1 / (1 - p), so every element keeps its expected "
                                    "value")
@settings(max_examples=30)
@given(p=probabilities, seed=seeds, shape=shapes(), dtype=float_dtypes)
def test_keeps_the_rest_scaled_by_1_over_1_minus_p(impl, p, seed, shape, dtype):
    """Each output element is 0 or x / (1 - p), in x's dtype and shape, for any rank."""
    x = nonzero_input(seed, shape, dtype)
    out, _ = impl.run(probe.forward, p, x, True, seed)
    out = expect_tensor(out, what=f"Dropout({p})(x)", shape=x.shape, dtype=dtype)
    kept = out != 0
    expected = torch.where(kept, x / (1 - p), torch.zeros_like(x))
    eps = torch.finfo(dtype).eps
    expect_close(out, expected, what=f"Dropout({p})(x)", rtol=4 * eps, atol=0)


@exercise("Dropout", points=1, hint="E[out] = (1 - p) * x / (1 - p) = x: the rescale keeps the mean")
@settings(max_examples=10)
@given(p=probabilities, seed=seeds)
def test_preserves_the_mean(impl, p, seed):
    """The mean of Dropout(p)(ones) is 1 (within the Hoeffding bound, scaled by 1/(1-p))."""
    x = torch.ones(200, N // 200)
    out, _ = impl.run(probe.forward, p, x, True, seed)
    mean = expect_tensor(out, what="Dropout(p)(ones)", shape=x.shape).double().mean().item()
    margin = hoeffding_margin(N) / (1 - p)
    if abs(mean - 1) > margin:
        raise Mismatch(f"Dropout({p})(ones) has mean {mean:.4f}; expected 1 +- {margin:.4f}")


@exercise("Dropout", points=2, hint="draw one random number per element (torch.rand(x.shape)), not one per "
                                    "row, column or channel")
@settings(max_examples=10)
@given(p=probabilities, seed=seeds, axis=st.integers(0, 2))
def test_elements_are_dropped_independently(impl, p, seed, axis):
    """No mask is shared along any axis: neighbouring slices along each axis have different masks.

    Under independence two slices of 200 elements have the same mask with probability
    (p^2 + (1-p)^2)^200 <= 0.82^200 < 1e-17; 200 neighbouring pairs stay far below 1e-9.
    """
    shape = [200, 200, 3]
    shape[axis], shape[2] = shape[2], shape[axis]  # the tested axis has 3 entries, the slices 40,000
    x = torch.ones(shape)
    out, _ = impl.run(probe.forward, p, x, True, seed)
    mask = expect_tensor(out, what="Dropout(p)(ones)", shape=x.shape) != 0
    slices = mask.movedim(axis, 0)
    for i in range(slices.shape[0] - 1):
        if torch.equal(slices[i], slices[i + 1]):
            raise Mismatch(f"Dropout({p}) drew the same mask for slices {i} and {i + 1} along axis {axis}: "
                           f"the mask is shared, not drawn per element")


@exercise("Dropout", points=2, hint="in eval mode (self.training is False), or with p = 0, return x unchanged")
@given(p=st.sampled_from([0.0, 0.3, 0.5, 1.0]), seed=seeds, shape=shapes(), dtype=float_dtypes,
       training=st.booleans())
def test_identity_in_eval_mode_and_for_p_0(impl, p, seed, shape, dtype, training):
    """In eval mode (any p), or in training with p = 0, the output equals the input exactly."""
    if training and p != 0:
        p = 0.0
    x = nonzero_input(seed, shape, dtype)
    out, _ = impl.run(probe.forward, p, x, training, seed)
    expect_close(out, x, what=f"Dropout({p}) in {'training' if training else 'eval'} mode", rtol=0, atol=0)


@exercise("Dropout", points=1, hint="with p = 1 everything is dropped: return zeros (x * 0 would turn inf "
                                    "into nan, and 1 / (1 - p) is a division by zero)")
@given(shape=shapes(), dtype=float_dtypes, seed=seeds)
def test_p_1_gives_zeros_even_for_infinities(impl, shape, dtype, seed):
    """Dropout(1) in training returns zeros of x's shape and dtype, even where x is inf or -inf."""
    x = nonzero_input(seed, shape, dtype)
    x.view(-1)[0] = float("inf")
    x.view(-1)[-1] = float("-inf")
    out, _ = impl.run(probe.forward, 1.0, x, True, seed)
    expect_close(out, torch.zeros_like(x), what="Dropout(1.0)(x)", rtol=0, atol=0)


@exercise("Dropout", points=1, hint="check 0 <= p <= 1 in the constructor and raise ValueError otherwise")
@given(p=st.sampled_from([-0.5, -1e-9, 1 + 1e-9, 1.5, 2.0, -3.0]))
def test_rejects_p_outside_0_1(impl, p):
    """Dropout(p) raises ValueError for p outside [0, 1], and accepts 0 and 1 themselves."""
    expect_raises(impl.run(probe.construct, p, expect_error=True), ("ValueError",), what=f"Dropout({p})")
    for ok in (0.0, 1.0):
        impl.run(probe.construct, ok)


@exercise("Dropout", points=2, hint="build the output from differentiable tensor operations, so the gradient "
                                    "is mask / (1 - p)")
@settings(max_examples=20)
@given(p=probabilities, seed=seeds, shape=shapes(), dtype=float_dtypes)
def test_gradient_is_mask_over_1_minus_p(impl, p, seed, shape, dtype):
    """The gradient of sum(Dropout(p)(x)) is 1/(1-p) where an element was kept and 0 where dropped."""
    x = nonzero_input(seed, shape, dtype)
    out, grad = impl.run(probe.forward, p, x, True, seed)
    out = expect_tensor(out, what=f"Dropout({p})(x)", shape=x.shape)
    grad = expect_tensor(grad, what="the gradient (is the output differentiable?)", shape=x.shape)
    expected = (out != 0).to(dtype) / (1 - p)
    expect_close(grad, expected, what=f"d sum(Dropout({p})(x)) / dx", rtol=4 * torch.finfo(dtype).eps, atol=0)


@exercise("Dropout", points=2, hint="draw the mask from torch's global generator (torch.rand, bernoulli_), "
                                    "not from a generator of your own, so torch.manual_seed reproduces it")
@settings(max_examples=10)
@given(p=probabilities, seed=seeds)
def test_torch_manual_seed_reproduces_the_mask(impl, p, seed):
    """After torch.manual_seed(s) the mask is the same every time; another seed gives another mask."""
    x = torch.ones(100, 100)
    first, again, other = impl.run(probe.twice, p, x, [seed, seed, seed + 1])
    if not torch.equal(expect_tensor(first, what="output", shape=x.shape), again):
        raise Mismatch(f"Dropout({p}) gave different masks after the same torch.manual_seed({seed})")
    if torch.equal(first, other):
        raise Mismatch(f"Dropout({p}) gave the same mask for seeds {seed} and {seed + 1}")
