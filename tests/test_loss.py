"""logsumexp, log_softmax, nll, cross_entropy and accuracy, against torch.

Values are compared with torch.logsumexp, F.log_softmax, F.nll_loss and
F.cross_entropy computed in float64; gradients with torch.autograd's (the probe
returns d/dx of sum(result * weights), autograd through the student's code) and,
in float64, with gradcheck's central differences of the student's own values.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from grader.testing import Mismatch, exercise, expect_close, expect_tensor, student_gradcheck
from tests.loss_strategies import classification, classification_without_ties, logits
from tests.probes import loss as probe

NEG_INF = float("-inf")
UNCHANGED_HINT = ("compute new tensors: x -= m, x.sub_(...), target.unsqueeze_(1) and other in-place operations "
                  "write into the caller's logits or targets, which the training loop uses again; write x - m, "
                  "target.unsqueeze(1)")


# --- tolerances ----------------------------------------------------------------------------------
#
# A correct float implementation of the max trick rounds x - m, the exponentials, their sum of C
# terms and the log: a few ulps per term, of the result and of the row's magnitude. The lesson's
# log_softmax, x - logsumexp(x), subtracts two numbers of x's size, so its absolute error is a few
# ulps of max|x| however small the result: correct, and accepted. Gradients are softmax-sized, but
# the notebook's own `x - x.logsumexp(-1, keepdim=True)` differentiates through torch.logsumexp,
# whose backward is exp(x - logsumexp(x)): an exponent off by ulps of max|x| makes a relative error
# of that size (at 1e30 it gives [1, 1] for [0.5, 0.5]). So gradients are judged to ulps of the
# row's magnitude times the weights: tight at ordinary logits, where all the structure shows, and
# loose where the forward itself can only be right to ulps of 1e30.

def row_magnitude(x: torch.Tensor) -> torch.Tensor:
    """1 + max |x| over each row's finite entries, shape (...): the scale of a row's rounding errors."""
    finite = x.detach().double().abs().nan_to_num(posinf=0.0, neginf=0.0)
    return 1.0 + finite.amax(-1)


def value_tolerance(x: torch.Tensor, terms: int, per_row: torch.Tensor | float) -> dict:
    """rtol/atol for a result built from `terms` rounded operations on entries of magnitude `per_row`."""
    eps = torch.finfo(x.dtype).eps
    return {"rtol": 4 * terms * eps, "atol": 4 * terms * eps * per_row}


def grad_tolerance(x: torch.Tensor, weights: torch.Tensor, per_row: torch.Tensor | float) -> dict:
    """rtol/atol for a softmax-sized gradient of sum(result * weights): ulps of the row's magnitude."""
    eps, c = torch.finfo(x.dtype).eps, x.shape[-1]
    w = 1.0 + (float(weights.abs().max()) if weights.numel() else 0.0)
    return {"rtol": 8 * c * eps, "atol": 8 * c * eps * per_row * w}


def weights_like(shape, dtype) -> torch.Tensor:
    """Upstream weights for sum(result * weights): fixed normal draws, so every output element counts.

    A 0-dim result (nll, cross_entropy) gets weight 1: a scale adds nothing there, and 1 keeps the
    expected gradients readable.
    """
    if tuple(shape) == ():
        return torch.ones((), dtype=dtype)
    return torch.randn(shape, generator=torch.Generator().manual_seed(0), dtype=torch.float64).to(dtype)


def autograd(function, x: torch.Tensor, weights: torch.Tensor, *rest):
    """torch's `function(x, *rest)` and d/dx sum(result * weights), computed in float64, returned in x's dtype."""
    leaf = x.detach().double().requires_grad_()
    out = function(leaf, *rest)
    (grad,) = torch.autograd.grad((out * weights.double()).sum(), leaf)
    return out.detach().to(x.dtype), grad.to(x.dtype)


def expect_grad(grad, expected: torch.Tensor, what: str, **tolerance) -> None:
    __tracebackhide__ = True
    expect_tensor(grad, what=f"the gradient of {what} (is the result a differentiable function of x? "
                             f"no .detach(), .item(), numpy or in-place writes into a leaf)", shape=expected.shape)
    expect_close(grad, expected, what=f"d({what})/dx", **tolerance)


def expect_close_where(actual, expected: torch.Tensor, keep: torch.Tensor, skipped: str, *, what: str,
                       **tolerance) -> None:
    """expect_close on the entries where `keep` holds; the others are set to 0 on both sides and not judged."""
    __tracebackhide__ = True
    actual = expect_tensor(actual, what=what, shape=expected.shape)
    zero = torch.zeros((), dtype=expected.dtype)
    try:
        expect_close(torch.where(keep, actual, zero.to(actual.dtype)), torch.where(keep, expected, zero),
                     what=what, **tolerance)
    except Mismatch as mismatch:
        raise Mismatch(f"{mismatch}\n  ({skipped} are shown as 0: not judged)") from None


def expect_infinities(actual: torch.Tensor, expected: torch.Tensor, what: str,
                      keep: torch.Tensor | None = None) -> None:
    """Where `expected` is infinite (and `keep` holds), `actual` is the same infinity.

    expect_close's bound atol + rtol * |expected| is itself infinite there, so it lets a finite number stand in
    for -inf: a row of only -inf that gives 0 or -3.4e38 would pass it.
    """
    __tracebackhide__ = True
    wrong = torch.isinf(expected) & (actual.to(expected.dtype) != expected)
    if keep is not None:
        wrong &= keep
    if wrong.any():
        index = tuple(int(i) for i in wrong.nonzero()[0])
        where = f"[{', '.join(map(str, index))}]" if index else ""
        raise Mismatch(f"{what}{where}: expected {expected[index].item()}, actual {actual[index].item():.9g} "
                       f"(-inf means probability 0: only -inf itself is right, no finite number is close to it; "
                       f"{int(wrong.sum())} of {wrong.numel()} elements differ)")


class StableLogSumExp(torch.autograd.Function):
    """torch.logsumexp with the exact gradient, softmax(x).

    torch's own backward computes exp(x - logsumexp(x)), which is wrong at huge
    magnitudes: for x = [1e30, 1e30] the log 2 is lost to rounding and it gives
    [1, 1] instead of [0.5, 0.5].
    """

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.logsumexp(x, -1)

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad.unsqueeze(-1) * torch.softmax(x, -1)


def torch_logsumexp(x):
    return StableLogSumExp.apply(x)


def torch_log_softmax(x):
    return F.log_softmax(x, -1)


# gradcheck, judged here and not in the probe: the Function that gradcheck differentiates has the
# student's values as its forward (the probe's output) and the student's vector-Jacobian product as
# its backward (the probe's torch.autograd.grad of sum(output * grad_output), grad_output passed in
# as the weights). gradcheck then compares that backward, column by column, with central
# differences of that forward in float64 (eps 1e-6): the student's gradient must be the derivative
# of the student's function, whatever the function is. The tests against torch above pin the
# function itself. Inputs are standard normal: moderate, where finite differences are accurate.
gradcheck_settings = settings(max_examples=8)  # one probe call per input and output element
seeds = st.integers(0, 2**32 - 1)


def gradcheck_through_probe(impl, name: str, x: torch.Tensor, out_shape, *rest) -> None:
    __tracebackhide__ = True

    def forward(inp):
        ones = torch.ones(out_shape, dtype=torch.float64)
        value = impl.run(probe.value_and_grad, name, inp.detach(), ones, *rest)[0]
        return expect_tensor(value, what=f"{name}'s result", shape=out_shape)

    def backward(inp, grad_out):
        return [impl.run(probe.value_and_grad, name, inp.detach(), grad_out.detach(), *rest)[1]]

    student_gradcheck(forward, backward, (x,), name)


def normal(seed: int, *shape) -> torch.Tensor:
    return torch.randn(shape, generator=torch.Generator().manual_seed(seed), dtype=torch.float64)


# --- logsumexp -----------------------------------------------------------------------------------

@exercise("logsumexp", points=3, hint="subtract each row's max m before exp and add it back after the log: "
                                      "m + log(sum(exp(x - m))), with the max over the last axis (keepdim, or "
                                      "unsqueeze(-1) before subtracting); the result drops the last axis")
@given(x=logits())
def test_logsumexp_equals_torch(impl, x):
    """logsumexp(x) and its gradient equal torch.logsumexp(x, -1)'s, for rank 1 to 3 and logits up to 1e30."""
    weights = weights_like(x.shape[:-1], x.dtype)
    value, grad = impl.run(probe.value_and_grad, "logsumexp", x, weights)
    expected, expected_grad = autograd(torch_logsumexp, x, weights)
    magnitude = row_magnitude(x)
    expect_close(value, expected, what="logsumexp(x)", **value_tolerance(x, x.shape[-1] + 2, magnitude))
    expect_grad(grad, expected_grad, "logsumexp(x)", **grad_tolerance(x, weights, magnitude.unsqueeze(-1)))


@exercise("logsumexp", points=2, hint="exp(-inf) is 0, so -inf entries drop out of the sum; but in a row of "
                                      "only -inf the max is -inf and x - max is -inf - (-inf) = nan: shift such "
                                      "rows by 0 instead (their result is log(0) = -inf)")
@given(x=logits(neg_inf=True))
def test_logsumexp_with_neg_inf(impl, x):
    """Entries of -inf drop out of the sum, and a row of only -inf gives -inf (not nan), as in torch.logsumexp."""
    weights = weights_like(x.shape[:-1], x.dtype)
    value, grad = impl.run(probe.value_and_grad, "logsumexp", x, weights)
    expected, expected_grad = autograd(torch_logsumexp, x, weights)
    magnitude = row_magnitude(x)
    expect_close(value, expected, what="logsumexp(x)", **value_tolerance(x, x.shape[-1] + 2, magnitude))
    expect_infinities(value, expected, "logsumexp(x)")
    # The gradient of a row of only -inf is undefined (torch gives nan): judged on the other rows,
    # where it is the softmax, 0 at the -inf entries. Rows are independent, so a nan must not leak.
    expect_tensor(grad, what="the gradient of logsumexp(x) (is the result a differentiable function of x?)",
                  shape=x.shape)
    keep = torch.isfinite(x).any(-1, keepdim=True).expand(x.shape)
    expect_close_where(grad, expected_grad, keep, "rows of only -inf", what="d(logsumexp(x))/dx",
                       **grad_tolerance(x, weights, magnitude.unsqueeze(-1)))


@exercise("logsumexp", points=1, hint="compute only with differentiable torch operations on x (no .item(), "
                                      "numpy or in-place writes into x), so that autograd gives softmax(x)")
@gradcheck_settings
@given(seed=seeds, rows=st.integers(1, 3), c=st.integers(1, 4))
def test_logsumexp_passes_gradcheck(impl, seed, rows, c):
    """In float64, the gradient of your logsumexp agrees with gradcheck's finite differences of its values."""
    gradcheck_through_probe(impl, "logsumexp", normal(seed, rows, c), (rows,))


# --- log_softmax ---------------------------------------------------------------------------------

@exercise("log_softmax", points=3, hint="log_softmax(x) = x - logsumexp(x), with logsumexp's result broadcast "
                                        "back over the last axis (unsqueeze(-1) or keepdim): (N, C) minus (N,) "
                                        "broadcasts along the wrong axis; never take the log of a softmax, and keep "
                                        "logsumexp in the graph (no .detach()): its gradient is the softmax")
@given(x=logits())
def test_log_softmax_equals_torch(impl, x):
    """log_softmax(x) and its gradient equal F.log_softmax(x, -1)'s, for rank 1 to 3 and logits up to 1e30."""
    weights = weights_like(x.shape, x.dtype)
    value, grad = impl.run(probe.value_and_grad, "log_softmax", x, weights)
    expected, expected_grad = autograd(torch_log_softmax, x, weights)
    magnitude = row_magnitude(x).unsqueeze(-1)
    expect_close(value, expected, what="log_softmax(x)", **value_tolerance(x, x.shape[-1] + 2, magnitude))
    expect_grad(grad, expected_grad, "log_softmax(x)", **grad_tolerance(x, weights, magnitude))


@exercise("log_softmax", points=1, hint="a -inf logit has probability 0 and log-probability -inf, and the "
                                        "other entries of its row are as if it were absent; each row is "
                                        "normalised on its own")
@given(x=logits(neg_inf=True))
def test_log_softmax_with_neg_inf(impl, x):
    """Entries of -inf stay -inf and the rest match F.log_softmax; rows of only -inf (nan in torch) are not judged."""
    # Weights 0 at the -inf entries: there the output is the constant -inf, whose derivative
    # conventions differ (torch passes the weight through); the finite entries' gradient is then
    # the same under every convention.
    weights = weights_like(x.shape, x.dtype).masked_fill(torch.isinf(x), 0.0)
    value, grad = impl.run(probe.value_and_grad, "log_softmax", x, weights)
    expected, expected_grad = autograd(torch_log_softmax, x, weights)
    magnitude = row_magnitude(x).unsqueeze(-1)
    expect_tensor(value, what="log_softmax(x)", shape=x.shape, dtype=x.dtype)
    keep = torch.isfinite(x).any(-1, keepdim=True).expand(x.shape)
    expect_close_where(value, expected, keep, "rows of only -inf", what="log_softmax(x)",
                       **value_tolerance(x, x.shape[-1] + 2, magnitude))
    expect_infinities(value, expected, "log_softmax(x)", keep)
    expect_tensor(grad, what="the gradient of log_softmax(x) (is the result a differentiable function of x?)",
                  shape=x.shape)
    finite = torch.isfinite(x)
    expect_close_where(grad, expected_grad, finite, "entries at -inf logits", what="d(log_softmax(x))/dx",
                       **grad_tolerance(x, weights, magnitude))


@exercise("log_softmax", points=1, hint="compute only with differentiable torch operations on x, so that "
                                        "autograd can differentiate your log_softmax")
@gradcheck_settings
@given(seed=seeds, rows=st.integers(1, 3), c=st.integers(1, 4))
def test_log_softmax_passes_gradcheck(impl, seed, rows, c):
    """In float64, the gradient of your log_softmax agrees with gradcheck's finite differences of its values."""
    gradcheck_through_probe(impl, "log_softmax", normal(seed, rows, c), (rows, c))


# --- nll -----------------------------------------------------------------------------------------

@exercise("nll", points=3, hint="pick log_probs[i, target[i]] for each row i (index with torch.arange(N) and "
                                "target together, or gather along the class axis), negate, and take the "
                                "mean over the batch, not the sum")
@given(data=classification(), normalised=st.booleans())
def test_nll_equals_torch(impl, data, normalised):
    """nll(log_probs, target) and its gradient equal F.nll_loss's: the batch mean of -log_probs[i, target[i]]."""
    x, target = data
    log_probs = F.log_softmax(x.double(), -1).to(x.dtype) if normalised else x  # nll_loss takes any values
    weights = weights_like((), x.dtype)
    value, grad = impl.run(probe.value_and_grad, "nll", log_probs, weights, target)
    expected, expected_grad = autograd(F.nll_loss, log_probs, weights, target)
    n = len(target)
    expect_close(value, expected, what="nll(log_probs, target)",
                 **value_tolerance(x, n + 1, float(row_magnitude(log_probs.flatten()))))
    expect_grad(grad, expected_grad, "nll(log_probs, target)", **value_tolerance(x, 2, 1.0 + float(weights.abs())))


# --- cross_entropy -------------------------------------------------------------------------------

@exercise("cross_entropy", points=3, hint="cross entropy is nll(log_softmax(logits), target): the log of the "
                                          "softmax, taken once, never the softmax itself")
@given(data=classification())
def test_cross_entropy_equals_torch(impl, data):
    """cross_entropy(logits, target) and its gradient equal F.cross_entropy's, for logits up to 1e30 too."""
    x, target = data
    weights = weights_like((), x.dtype)
    value, grad = impl.run(probe.value_and_grad, "cross_entropy", x, weights, target)
    expected, expected_grad = autograd(F.cross_entropy, x, weights, target)
    magnitude = row_magnitude(x.flatten())  # the mean mixes the rows: the largest row's ulps
    expect_close(value, expected, what="cross_entropy(logits, target)",
                 **value_tolerance(x, x.shape[-1] + len(target) + 2, float(magnitude)))
    expect_grad(grad, expected_grad, "cross_entropy(logits, target)",
                **grad_tolerance(x, weights, row_magnitude(x).unsqueeze(-1)))


@exercise("cross_entropy", points=1, hint="build cross_entropy from differentiable torch operations "
                                          "(log_softmax and nll), so that autograd gives (softmax - one_hot) / N")
@gradcheck_settings
@given(seed=seeds, n=st.integers(1, 3), c=st.integers(1, 4), data=st.data())
def test_cross_entropy_passes_gradcheck(impl, seed, n, c, data):
    """In float64, the gradient of your cross_entropy agrees with gradcheck's finite differences of its values."""
    target = torch.tensor(data.draw(st.lists(st.integers(0, c - 1), min_size=n, max_size=n)), dtype=torch.int64)
    gradcheck_through_probe(impl, "cross_entropy", normal(seed, n, c), (), target)


# --- accuracy ------------------------------------------------------------------------------------

@exercise("accuracy", points=3, hint="compare logits.argmax(-1) (over the classes, not the batch) with "
                                     "target, convert the booleans to float and take the mean: a fraction as "
                                     "a float tensor, not a count, an integer or a Python number")
@given(data=classification_without_ties())
def test_accuracy_is_the_fraction_of_correct_rows(impl, data):
    """accuracy(logits, target) is a 0-dim float tensor: the fraction of rows whose argmax is the target."""
    x, target = data
    got = impl.run(probe.call, "accuracy", x, target)
    got = expect_tensor(got, what="accuracy(logits, target)", shape=())
    if not got.is_floating_point():
        raise Mismatch(f"accuracy(logits, target) has dtype {got.dtype}: a fraction needs a floating-point "
                       f"tensor (an integer tensor cannot hold 0.5)")
    # Independent of torch.argmax: rows hold no ties (see classification_without_ties), so the
    # predicted class is the one index holding the row's maximum.
    rows = x.tolist()
    correct = sum(row.index(max(row)) == int(t) for row, t in zip(rows, target))
    expect_close(got.double(), torch.tensor(correct / len(rows), dtype=torch.float64),
                 what=f"accuracy(logits, target) ({correct} of {len(rows)} rows right)", rtol=1e-6, atol=1e-7)


# --- arguments unchanged -------------------------------------------------------------------------
#
# Called without gradients, as a metric or in a validation pass is: an in-place write into an input that
# requires grad fails loudly in the tests above, into one that does not (the targets, always) it is silent.

def expect_unchanged(after: list, sent: list, names: list[str], call: str) -> None:
    __tracebackhide__ = True
    for got, value, name in zip(after, sent, names):
        expect_close(got, value, what=f"{name} after {call}", atol=0, rtol=0)


any_logits = st.one_of(logits(), logits(neg_inf=True))


@exercise("logsumexp", points=1, hint=UNCHANGED_HINT)
@given(x=any_logits)
def test_logsumexp_leaves_x_unchanged(impl, x):
    """logsumexp(x) leaves x exactly as it was, -inf entries included."""
    after = impl.run(probe.arguments_after, "logsumexp", x)
    expect_unchanged(after, [x], ["x"], "logsumexp(x)")


@exercise("log_softmax", points=1, hint=UNCHANGED_HINT)
@given(x=any_logits)
def test_log_softmax_leaves_x_unchanged(impl, x):
    """log_softmax(x) leaves x exactly as it was, -inf entries included."""
    after = impl.run(probe.arguments_after, "log_softmax", x)
    expect_unchanged(after, [x], ["x"], "log_softmax(x)")


@exercise("nll", points=1, hint=UNCHANGED_HINT)
@given(data=classification())
def test_nll_leaves_its_arguments_unchanged(impl, data):
    """nll(log_probs, target) leaves log_probs and target (values, shape, dtype) as they were."""
    after = impl.run(probe.arguments_after, "nll", *data)
    expect_unchanged(after, list(data), ["log_probs", "target"], "nll(log_probs, target)")


@exercise("cross_entropy", points=1, hint=UNCHANGED_HINT)
@given(data=classification())
def test_cross_entropy_leaves_its_arguments_unchanged(impl, data):
    """cross_entropy(logits, target) leaves logits and target (values, shape, dtype) as they were."""
    after = impl.run(probe.arguments_after, "cross_entropy", *data)
    expect_unchanged(after, list(data), ["logits", "target"], "cross_entropy(logits, target)")


@exercise("accuracy", points=1, hint=UNCHANGED_HINT)
@given(data=classification())
def test_accuracy_leaves_its_arguments_unchanged(impl, data):
    """accuracy(logits, target) leaves logits and target (values, shape, dtype) as they were."""
    after = impl.run(probe.arguments_after, "accuracy", *data)
    expect_unchanged(after, list(data), ["logits", "target"], "accuracy(logits, target)")
