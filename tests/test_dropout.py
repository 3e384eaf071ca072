"""Dropout, with statistical tests whose bounds are sound.

A correct Dropout fails a statistical test below with probability at most
1e-9 per run (FALSE_FAILURE): exact binomial tails for the rate of zeros,
Hoeffding's inequality (P(|S - E S| >= t) <= 2 exp(-2 t^2 / sum of squared
ranges), for independent bounded terms) for the mean and for the agreement
between masks. The seeds come from hypothesis's derandomized draws, so a grade
never depends on luck: the same code always meets the same masks.

Inputs never hold 0 (see `nonzero_input`), so a 0 in the output means dropped.
"""
from __future__ import annotations

import math

import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from grader.testing import Mismatch, exercise, expect_close, expect_raises, expect_tensor
from tests.dropout_strategies import (
    half_scales,
    large_shapes,
    nonzero_input,
    probabilities,
    scales,
    seeds,
    shapes,
    weights,
    with_specials,
)
from tests.probes import dropout as probe
from tests.strategies import float_dtypes

FALSE_FAILURE = 1e-9


def binomial_interval(n: int, p: float, alpha: float = FALSE_FAILURE) -> tuple[int, int]:
    """[lo, hi] holding a Binomial(n, p) count except with probability at most alpha (exact tails)."""
    k = torch.arange(n + 1, dtype=torch.float64)
    log_pmf = (math.lgamma(n + 1) - torch.lgamma(k + 1) - torch.lgamma(n - k + 1)
               + k * math.log(p) + (n - k) * math.log1p(-p))
    pmf = log_pmf.exp()
    below = torch.cumsum(pmf, 0) - pmf           # P(K < k), summed from the small end
    above = torch.flip(torch.cumsum(torch.flip(pmf, [0]), 0), [0]) - pmf  # P(K > k)
    lo = int((below <= alpha / 2).nonzero().max())
    hi = int((above <= alpha / 2).nonzero().min())
    return lo, hi


def hoeffding_margin(squared_ranges: float, alpha: float = FALSE_FAILURE) -> float:
    """t with 2 exp(-2 t^2 / squared_ranges) = alpha: a sum of independent terms strays further w.p. <= alpha."""
    return math.sqrt(math.log(2 / alpha) * squared_ranges / 2)


def run(impl, p, x, *, training=True, seed=0, w=None):
    """Dropout(p)(x) through the probe: {"out", "grad" of sum(out * w), "input_after"}."""
    w = weights(seed, x.shape, x.dtype) if w is None else w
    return impl.run(probe.forward, p, x, w, training, seed)


# --- training: which elements are dropped -------------------------------------------------------

@exercise("Dropout", points=3, hint="zero each element with probability p: keep it where torch.rand(...) >= p "
                                    "(that is, with probability 1 - p)")
@settings(max_examples=15)
@given(p=probabilities, seed=seeds, shape=large_shapes(), dtype=float_dtypes)
def test_zeroes_a_fraction_p(impl, p, seed, shape, dtype):
    """In training, the number of zeroed elements is Binomial(n, p) (exact bound failing 1 run in 10^9)."""
    x = nonzero_input(seed, shape, dtype)
    out = expect_tensor(run(impl, p, x, seed=seed)["out"], what=f"Dropout({p})(x)", shape=shape)
    n, zeros = x.numel(), int((out == 0).sum())
    lo, hi = binomial_interval(n, p)
    if not lo <= zeros <= hi:
        raise Mismatch(f"Dropout({p}) zeroed {zeros} of {n} elements ({zeros / n:.4f}); a correct dropout "
                       f"zeroes between {lo} and {hi} (expected {p * n:.0f}) except once in 10^9 runs")


@exercise("Dropout", points=3, hint="scale what you keep by 1 / (1 - p), so every element keeps its expected "
                                    "value")
@settings(max_examples=30)
@given(p=probabilities, seed=seeds, shape=shapes(), dtype=float_dtypes, scale=scales)
def test_keeps_the_rest_scaled_by_1_over_1_minus_p(impl, p, seed, shape, dtype, scale):
    """Each output element is 0 or x / (1 - p), in x's dtype and shape, for any rank and magnitude."""
    x = nonzero_input(seed, shape, dtype, scale)
    out = expect_tensor(run(impl, p, x, seed=seed)["out"], what=f"Dropout({p})(x)", shape=shape, dtype=dtype)
    expected = torch.where(out != 0, x / (1 - p), torch.zeros_like(x))
    # x * mask / (1 - p), x * (mask / (1 - p)), x * (1 / (1 - p)): a few roundings apart at most.
    expect_close(out, expected, what=f"Dropout({p})(x)", rtol=4 * torch.finfo(dtype).eps, atol=0)


@exercise("Dropout", points=1, hint="E[out] = (1 - p) * x / (1 - p) = x: the rescale keeps the expected value")
@settings(max_examples=10)
@given(p=probabilities, seed=seeds, shape=large_shapes(), dtype=float_dtypes)
def test_preserves_the_sum_in_expectation(impl, p, seed, shape, dtype):
    """sum(Dropout(p)(x)) is sum(x) up to Hoeffding's bound for x > 0 (failing 1 run in 10^9)."""
    x = nonzero_input(seed, shape, dtype, signs=False)
    out = expect_tensor(run(impl, p, x, seed=seed)["out"], what=f"Dropout({p})(x)", shape=shape)
    x64 = x.double()
    # Term i lies in [0, x_i / (1 - p)] and has mean x_i.
    margin = hoeffding_margin(float((x64 / (1 - p)).pow(2).sum()))
    total, expected = float(out.double().sum()), float(x64.sum())
    if abs(total - expected) > margin:
        raise Mismatch(f"sum(Dropout({p})(x)) = {total:.6g} for {x.numel()} positive elements; expected "
                       f"sum(x) = {expected:.6g} +- {margin:.4g} (a correct dropout strays further once in 10^9 runs)")


# Shapes whose every axis is long enough for many disjoint pairs of slices; sides differ, so a mask
# drawn for the wrong shape cannot broadcast by accident.
INDEPENDENCE_SHAPES = {2: (200, 300), 3: (30, 40, 50), 4: (8, 10, 12, 14)}


@exercise("Dropout", points=2, hint="draw one random number per element (torch.rand(x.shape)), not one per "
                                    "row, column, channel or batch item")
@settings(max_examples=10)
@given(p=probabilities, seed=seeds, rank=st.sampled_from(sorted(INDEPENDENCE_SHAPES)), dtype=float_dtypes)
def test_elements_are_dropped_independently(impl, p, seed, rank, dtype):
    """Slices along every axis (rows, columns, the batch) get masks that agree no more than chance predicts.

    Under independence two elements are both kept or both dropped with probability
    q = p^2 + (1-p)^2. Along each axis we pair slices 0-1, 2-3, ... (disjoint pairs:
    independent terms), and Hoeffding bounds the agreement rate within a margin failing
    with probability 1e-9 / rank per axis, 1e-9 in all. A mask shared along an axis agrees
    everywhere (rate 1, while q <= 0.82).
    """
    shape = INDEPENDENCE_SHAPES[rank]
    x = nonzero_input(seed, shape, dtype)
    out = expect_tensor(run(impl, p, x, seed=seed)["out"], what=f"Dropout({p})(x)", shape=shape)
    kept = out != 0
    q = p * p + (1 - p) * (1 - p)
    for axis, side in enumerate(shape):
        slices = kept.movedim(axis, 0)[: side - side % 2]
        agree = slices[0::2] == slices[1::2]
        n = agree.numel()
        margin = hoeffding_margin(n, FALSE_FAILURE / rank) / n
        rate = agree.double().mean().item()
        if abs(rate - q) > margin:
            verdict = ("the mask is shared along that axis" if rate > 0.99 else
                       "the masks are not independent draws dropping with probability p")
            raise Mismatch(f"Dropout({p}) on shape {shape}: neighbouring slices along axis {axis} have the same "
                           f"mask at {rate:.4f} of their positions; independent masks agree at {q:.4f} +- "
                           f"{margin:.4f}: {verdict}")


@exercise("Dropout", points=2, hint="draw the mask from torch's global generator (torch.rand, bernoulli_), "
                                    "not from a generator of your own, so torch.manual_seed reproduces it")
@settings(max_examples=10)
@given(p=probabilities, seed=seeds)
def test_torch_manual_seed_reproduces_the_mask(impl, p, seed):
    """After torch.manual_seed(s) the mask is the same every time; another seed gives another mask.

    Two independent masks of 10,000 elements coincide with probability at most 0.82^10000.
    """
    x = torch.ones(100, 100)
    first, again, other = impl.run(probe.seeded_twice, p, x, [seed, seed, seed + 1])
    first = expect_tensor(first, what=f"Dropout({p})(x)", shape=x.shape)
    if not torch.equal(first, expect_tensor(again, what=f"Dropout({p})(x)", shape=x.shape)):
        raise Mismatch(f"Dropout({p}) gave different masks after the same torch.manual_seed({seed})")
    if torch.equal(first, other):
        raise Mismatch(f"Dropout({p}) gave the same mask after torch.manual_seed({seed}) and "
                       f"torch.manual_seed({seed + 1}): the mask does not come from torch's generator")


@exercise("Dropout", points=1, hint="build the output as a new tensor (x * mask), not in place (x.mul_): the "
                                    "caller still needs its x")
@settings(max_examples=15)
@given(p=st.one_of(probabilities, st.just(1.0)), seed=seeds, shape=shapes(), dtype=float_dtypes)
def test_leaves_the_input_unchanged(impl, p, seed, shape, dtype):
    """Dropout(p)(x) in training returns a new tensor: x itself is not modified."""
    x = nonzero_input(seed, shape, dtype)
    got = run(impl, p, x, seed=seed)
    expect_close(got["input_after"], x, what=f"x after Dropout({p})(x)", rtol=0, atol=0)


# --- the gradient ---------------------------------------------------------------------------------

@exercise("Dropout", points=2, hint="build the output from differentiable tensor operations, so the gradient "
                                    "is mask / (1 - p)")
@settings(max_examples=20)
@given(p=probabilities, seed=seeds, shape=shapes(), dtype=float_dtypes)
def test_gradient_is_mask_over_1_minus_p(impl, p, seed, shape, dtype):
    """The gradient of sum(Dropout(p)(x) * w) is w / (1-p) where an element was kept and 0 where dropped."""
    x, w = nonzero_input(seed, shape, dtype), weights(seed, shape, dtype)
    got = run(impl, p, x, seed=seed, w=w)
    out = expect_tensor(got["out"], what=f"Dropout({p})(x)", shape=shape)
    grad = expect_tensor(got["grad"], what=f"the gradient of sum(Dropout({p})(x) * w) (is the output "
                                           f"differentiable?)", shape=shape)
    expected = torch.where(out != 0, w / (1 - p), torch.zeros_like(w))
    expect_close(grad, expected, what=f"d sum(Dropout({p})(x) * w) / dx", rtol=4 * torch.finfo(dtype).eps, atol=0)


# --- eval mode, p = 0, p = 1 ----------------------------------------------------------------------

@exercise("Dropout", points=2, hint="in eval mode (self.training is False), or with p = 0, return x unchanged: "
                                    "inverted dropout rescales in training so inference has nothing to do")
@given(p=st.sampled_from([0.0, 0.3, 0.5, 1.0]), seed=seeds, shape=shapes(), dtype=float_dtypes,
       training=st.booleans(), scale=scales)
def test_identity_in_eval_mode_and_for_p_0(impl, p, seed, shape, dtype, training, scale):
    """In eval mode (any p), or in training with p = 0, the output is x exactly (inf and nan too); its gradient w."""
    p = 0.0 if training else p
    x = with_specials(nonzero_input(seed, shape, dtype, scale))
    w = weights(seed, shape, dtype)
    got = run(impl, p, x, training=training, seed=seed, w=w)
    what = f"Dropout({p}) in {'training' if training else 'eval'} mode"
    expect_close(got["out"], x, what=f"{what}, applied to x", rtol=0, atol=0)
    expect_close(got["grad"], w, what=f"{what}: d sum(out * w) / dx", rtol=0, atol=0)


@exercise("Dropout", points=1, hint="with p = 1 everything is dropped: return zeros (x * 0 turns inf and nan "
                                    "into nan, and 1 / (1 - p) divides by zero)")
@given(shape=shapes(), dtype=float_dtypes, seed=seeds, scale=scales)
def test_p_1_gives_zeros_for_any_input(impl, shape, dtype, seed, scale):
    """Dropout(1) in training returns zeros of x's shape and dtype, even where x is inf, -inf or nan."""
    x = with_specials(nonzero_input(seed, shape, dtype, scale))
    out = run(impl, 1.0, x, seed=seed)["out"]
    expect_close(out, torch.zeros_like(x), what="Dropout(1.0)(x)", rtol=0, atol=0)


@exercise("Dropout", points=1, hint="check 0 <= p <= 1 in the constructor and raise ValueError otherwise")
@given(p=st.sampled_from([-0.5, -1e-9, 1 + 1e-9, 1.5, 2.0, -3.0, math.inf, -math.inf]))
def test_rejects_p_outside_0_1(impl, p):
    """Dropout(p) raises ValueError for p outside [0, 1], and accepts 0 and 1 themselves."""
    expect_raises(impl.run(probe.construct, p, expect_error=True), ("ValueError",), what=f"Dropout({p})")
    for ok in (0.0, 1.0):
        impl.run(probe.construct, ok)


@exercise("Dropout", points=1, hint="draw the mask with the input's shape as a whole (torch.rand(x.shape), "
                                    "torch.rand_like(x)): torch.rand(*x.shape) has nothing to unpack for a 0-d "
                                    "tensor")
@settings(max_examples=10)
@given(p=probabilities, seed=seeds, dtype=float_dtypes)
def test_works_on_a_scalar_tensor(impl, p, seed, dtype):
    """Dropout(p) applied to a 0-d tensor returns a 0-d tensor: 0 or x / (1 - p)."""
    x = nonzero_input(seed, (), dtype)
    out = expect_tensor(run(impl, p, x, seed=seed)["out"], what=f"Dropout({p})(a 0-d tensor)", shape=(), dtype=dtype)
    expected = x / (1 - p) if out != 0 else torch.zeros_like(x)
    expect_close(out, expected, what=f"Dropout({p})(a 0-d tensor)", rtol=4 * torch.finfo(dtype).eps, atol=0)


@exercise("Dropout", points=1, hint="every comparison with nan is False, so `if p < 0 or p > 1` lets nan through: "
                                    "check that p is in [0, 1] (`if not 0 <= p <= 1`), not that it is outside")
def test_rejects_p_nan(impl):
    """Dropout(nan) raises ValueError: nan is not a probability."""
    expect_raises(impl.run(probe.construct, math.nan, expect_error=True), ("ValueError",), what="Dropout(nan)")


# --- half precision ---------------------------------------------------------------------------------

@exercise("Dropout", points=1, hint="keep the input's dtype: a mask made with .float() or zeros made with "
                                    "torch.zeros(x.shape) are float32 and turn a float16 result into float32; use "
                                    ".to(x.dtype), torch.zeros_like(x)")
@settings(max_examples=20)
@given(p=st.one_of(probabilities, st.just(1.0)), seed=seeds, shape=shapes(), scale=half_scales)
def test_keeps_half_precision(impl, p, seed, shape, scale):
    """Dropout(p)(x) for a float16 x is float16 of x's shape: each element 0 or x / (1 - p) (zeros for p = 1)."""
    x = nonzero_input(seed, shape, torch.float16, scale)
    out = expect_tensor(run(impl, p, x, seed=seed)["out"], what=f"Dropout({p})(a float16 x)", shape=shape,
                        dtype=torch.float16)
    if p == 1.0:
        expected = torch.zeros_like(x)
    else:
        expected = torch.where(out != 0, (x.double() / (1 - p)).half(), torch.zeros_like(x))
    # One or two float16 roundings (x * mask / (1 - p), x * (1 / (1 - p))), as for the other dtypes.
    expect_close(out, expected, what=f"Dropout({p})(a float16 x)", rtol=4 * torch.finfo(torch.float16).eps, atol=0)


# --- the second call, the second mode -----------------------------------------------------------------

def expect_dropped(out, x, p, what, alpha):
    """out is a dropout of x in training: a tensor of x's shape and dtype whose number of zeros lies inside the
    exact Binomial(n, p) interval failing with probability alpha. Returns the mask (the kept elements).

    The survivors' scale is left to the tests of the scale, so a wrong scale costs points there only.
    """
    __tracebackhide__ = True
    out = expect_tensor(out, what=what, shape=x.shape, dtype=x.dtype)
    kept = out != 0
    n, zeros = x.numel(), int((~kept).sum())
    lo, hi = binomial_interval(n, p, alpha)
    if not lo <= zeros <= hi:
        raise Mismatch(f"{what} zeroed {zeros} of {n} elements; Dropout({p}) in training zeroes between {lo} and {hi} "
                       f"(expected {p * n:.0f}) except once in 10^9 runs")
    return kept


SUCCESSIVE_SHAPES = [(100, 100), (100, 100), (100, 100), (60, 70)]


@exercise("Dropout", points=2, hint="draw a new mask on every call (torch.rand(x.shape) inside forward), never "
                                    "one kept from an earlier call or drawn once in __init__, and do not reseed "
                                    "torch inside the layer")
@settings(max_examples=10)
@given(p=probabilities, seed=seeds, dtype=float_dtypes)
def test_successive_calls_draw_new_masks(impl, p, seed, dtype):
    """One Dropout, seeded once, called again and again: every call draws a new, independent mask.

    Three calls on (100, 100) inputs, then one on (60, 70): each drops a binomial number of
    elements of its own input, and the masks of consecutive calls on one shape agree
    at the rate q = p^2 + (1-p)^2 of independent masks, within Hoeffding's margin (a mask
    used again agrees everywhere). The 4 counts and 2 agreements fail a correct dropout
    with probability at most 1e-9 in all.
    """
    xs = [nonzero_input(seed + i, shape, dtype) for i, shape in enumerate(SUCCESSIVE_SHAPES)]
    outs = impl.run(probe.successive, p, xs, seed)
    if not isinstance(outs, list) or len(outs) != len(xs):
        raise Mismatch(f"expected {len(xs)} outputs, got {outs!r}")
    alpha = FALSE_FAILURE / (len(xs) + 2)
    masks = [expect_dropped(out, x, p, f"call {i + 1} of one Dropout({p}) on shape {tuple(x.shape)}", alpha)
             for i, (out, x) in enumerate(zip(outs, xs))]
    q = p * p + (1 - p) * (1 - p)
    for i in (1, 2):
        agree = masks[i] == masks[i - 1]
        n = agree.numel()
        margin = hoeffding_margin(n, alpha) / n
        rate = agree.double().mean().item()
        if abs(rate - q) > margin:
            verdict = "it is the same mask" if rate == 1 else "the masks are not independent draws"
            raise Mismatch(f"calls {i} and {i + 1} of one Dropout({p}), without reseeding in between, dropped the "
                           f"same elements at {rate:.4f} of the positions; independent masks agree at {q:.4f} +- "
                           f"{margin:.4f}: {verdict}")


# Each step: [what is switched, how]; after each, the output is judged. The layer alone, then in a container,
# whose train() and eval() reach the layer through nn.Module.train(mode) only.
MODE_SCRIPT = [["layer", "train"], ["layer", "eval"], ["layer", "train"], ["layer", "eval"], ["layer", "train"],
               ["net", "eval"], ["net", "train"], ["net", "eval"]]


@exercise("Dropout", points=2, hint="read the mode from self.training, which nn.Module's train() and eval() set "
                                    "(for the layer and for every container holding it): no flag or p of your own "
                                    "that eval() changes and train() does not restore")
@settings(max_examples=10)
@given(p=probabilities, seed=seeds, dtype=float_dtypes)
def test_switching_train_eval_train_works_each_time(impl, p, seed, dtype):
    """train() -> eval() -> train() ..., on the layer and on an nn.Sequential holding it: each mode works every time.

    After eval() the output is x exactly; after train() it drops a binomial number of the
    2,000 elements (the counts of all steps together fail a correct dropout with probability
    at most 1e-9).
    """
    x = nonzero_input(seed, (40, 50), dtype)
    outs = impl.run(probe.switching, p, x, seed, MODE_SCRIPT)
    if not isinstance(outs, list) or len(outs) != len(MODE_SCRIPT):
        raise Mismatch(f"expected {len(MODE_SCRIPT)} outputs, got {outs!r}")
    alpha = FALSE_FAILURE / sum(method == "train" for _, method in MODE_SCRIPT)
    steps = []
    for (target, method), out in zip(MODE_SCRIPT, outs):
        steps.append(f"{'dropout' if target == 'layer' else 'nn.Sequential(dropout)'}.{method}()")
        what = f"Dropout({p}) after {' -> '.join(steps)}"
        if method == "eval":
            expect_close(out, x, what=f"{what} (eval mode: x itself)", rtol=0, atol=0)
        else:
            expect_dropped(out, x, p, f"{what} (training)", alpha)
