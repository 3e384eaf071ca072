"""Assignment 03: logsumexp, log_softmax, nll, cross_entropy and accuracy, against torch."""
from __future__ import annotations

import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from grader.testing import Mismatch, exercise, expect_close, expect_tensor, student_gradcheck
from tests.loss_strategies import classification, logits
from tests.probes import loss as probe


def tolerance(x: torch.Tensor) -> dict:
    """A sum of C exponentials in x's dtype: a few ulps per term, of the result and of x's magnitude.

    The lesson's log_softmax, x - logsumexp(x), subtracts two numbers of x's size, so
    its absolute error is a few ulps of max|x|, however small the result: correct,
    and accepted.
    """
    eps = torch.finfo(x.dtype).eps
    c = x.shape[-1]
    finite = x.detach()[torch.isfinite(x.detach())]
    scale = 1.0 + (float(finite.abs().max()) if finite.numel() else 0.0)
    return {"rtol": 4 * c * eps, "atol": 4 * c * eps * scale}


def weights_like(shape, dtype, seed: int = 0) -> torch.Tensor:
    """Upstream gradient weights for sum(result * weights), so every output element counts."""
    return torch.randn(shape, generator=torch.Generator().manual_seed(seed), dtype=torch.float64).to(dtype)


def reference_value_and_grad(function, x: torch.Tensor, weights: torch.Tensor, *rest):
    """torch's function and its gradient, computed in float64 and returned in x's dtype."""
    leaf = x.double().requires_grad_()
    out = function(leaf, *rest)
    (grad,) = torch.autograd.grad((out * weights.double()).sum(), leaf)
    return out.detach().to(x.dtype), grad.to(x.dtype)


def expect_value_and_grad(got, x, weights, function, what, *rest, grads: bool = True):
    """The probe's [value, gradient] against torch's, both in x's dtype."""
    __tracebackhide__ = True
    value, grad = got
    expected, expected_grad = reference_value_and_grad(function, x, weights, *rest)
    expect_close(value, expected, what=what, **tolerance(x))
    if grads:
        expect_tensor(grad, what=f"the gradient of {what} (did the result stay differentiable?)", shape=x.shape)
        # Gradients are softmax-sized whatever x's magnitude: judge them on their own scale.
        eps, c = torch.finfo(x.dtype).eps, x.shape[-1]
        scale = 1.0 + float(weights.abs().max()) if weights.numel() else 1.0
        expect_close(grad, expected_grad, what=f"d({what})/dx", rtol=8 * c * eps, atol=8 * c * eps * scale)


class StableLogSumExp(torch.autograd.Function):
    """torch.logsumexp with the exact gradient softmax(x).

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


# --- logsumexp -----------------------------------------------------------------------------------

@exercise("logsumexp", points=3, hint="subtract the row's max m before exp and add it back after the log: "
                                      "m + log(sum(exp(x - m))); take the max over the last axis with keepdim")
@given(x=logits())
def test_logsumexp_equals_torch(impl, x):
    """logsumexp(x) and its gradient equal torch.logsumexp(x, -1)'s for any rank and any finite magnitude."""
    weights = weights_like(x.shape[:-1], x.dtype)
    got = impl.run(probe.value_and_grad, "logsumexp", x, weights)
    expect_value_and_grad(got, x, weights, torch_logsumexp, "logsumexp(x)")


@exercise("logsumexp", points=2, hint="exp(-inf) is 0, so -inf entries drop out; but for a row of only -inf "
                                      "the max is -inf and x - max is nan: shift such rows by 0 instead")
@given(x=logits(neg_inf=True))
def test_logsumexp_with_neg_inf(impl, x):
    """Rows with -inf entries ignore them; a row of only -inf gives -inf (not nan), as torch.logsumexp does."""
    weights = weights_like(x.shape[:-1], x.dtype)
    got = impl.run(probe.value_and_grad, "logsumexp", x, weights)
    expect_close(got[0], torch.logsumexp(x.double(), -1).to(x.dtype), what="logsumexp(x)", **tolerance(x))


@exercise("logsumexp", points=1, hint="compute only with differentiable torch operations, so autograd can "
                                      "give the gradient, softmax(x)")
@settings(max_examples=10)
@given(seed=st.integers(0, 2**32 - 1), rows=st.integers(1, 3), classes=st.integers(1, 4))
def test_logsumexp_passes_gradcheck(impl, seed, rows, classes):
    """In float64, the gradient of your logsumexp agrees with gradcheck's finite differences of its values."""
    x = torch.randn(rows, classes, generator=torch.Generator().manual_seed(seed), dtype=torch.float64)

    def forward(inp):
        return impl.run(probe.value_and_grad, "logsumexp", inp.detach(), torch.ones(rows, dtype=torch.float64))[0]

    def backward(inp, grad_out):
        return [impl.run(probe.value_and_grad, "logsumexp", inp.detach(), grad_out.detach())[1]]

    student_gradcheck(forward, backward, (x,), "logsumexp")


# --- log_softmax ---------------------------------------------------------------------------------

@exercise("log_softmax", points=3, hint="x - logsumexp(x), with the logsumexp broadcast back over the last "
                                        "axis (unsqueeze(-1) or keepdim): (N, C) minus (N,) broadcasts wrongly")
@given(x=logits())
def test_log_softmax_equals_torch(impl, x):
    """log_softmax(x) and its gradient equal F.log_softmax(x, -1)'s, any rank, any finite magnitude."""
    weights = weights_like(x.shape, x.dtype)
    got = impl.run(probe.value_and_grad, "log_softmax", x, weights)
    expect_value_and_grad(got, x, weights, torch_log_softmax, "log_softmax(x)")


@exercise("log_softmax", points=1, hint="-inf logits have probability 0, log-probability -inf; the other "
                                        "entries are unaffected")
@given(x=logits(min_rank=2, neg_inf=True))
def test_log_softmax_with_some_neg_inf(impl, x):
    """Rows holding some -inf entries (but not only -inf) match F.log_softmax: -inf stays -inf."""
    x = x.clone()
    x[..., 0] = x[..., 0].nan_to_num(neginf=0.0)  # every row keeps one finite entry: the contract's domain
    got = impl.run(probe.call, "log_softmax", x)
    expect_close(got, F.log_softmax(x.double(), -1).to(x.dtype), what="log_softmax(x)", **tolerance(x))


# --- nll -----------------------------------------------------------------------------------------

@exercise("nll", points=3, hint="pick log_probs[i, target[i]] for each row i (index with "
                                "torch.arange(N) and target together), negate, and average over the batch")
@given(data=classification())
def test_nll_equals_torch(impl, data):
    """nll(log_probs, target) and its gradient equal F.nll_loss's: the batch mean of -log_probs[i, target[i]]."""
    x, target = data
    log_probs = F.log_softmax(x.double(), -1).to(x.dtype)
    weights = torch.ones((), dtype=x.dtype)
    got = impl.run(probe.value_and_grad, "nll", log_probs, weights, target)
    expect_value_and_grad(got, log_probs, weights, F.nll_loss, "nll(log_probs, target)", target)


# --- cross_entropy -------------------------------------------------------------------------------

@exercise("cross_entropy", points=3, hint="cross entropy is nll of log_softmax of the logits: no softmax "
                                          "without its log, and no extra normalisation")
@given(data=classification())
def test_cross_entropy_equals_torch(impl, data):
    """cross_entropy(logits, target) and its gradient equal F.cross_entropy's, for huge logits too."""
    x, target = data
    weights = torch.ones((), dtype=x.dtype)
    got = impl.run(probe.cross_entropy, x, target, weights)
    expect_value_and_grad(got, x, weights, F.cross_entropy, "cross_entropy(logits, target)", target)


# --- accuracy ------------------------------------------------------------------------------------

@exercise("accuracy", points=2, hint="compare logits.argmax(-1) (the class axis) with target, as floats, "
                                     "and take the mean: a fraction, not a count")
@given(data=classification(distinct=True))
def test_accuracy_is_the_fraction_of_correct_rows(impl, data):
    """accuracy(logits, target) is a 0-dim float tensor: the fraction of rows whose argmax is the target."""
    x, target = data
    got = impl.run(probe.call, "accuracy", x, target)
    got = expect_tensor(got, what="accuracy(logits, target)", shape=())
    if not got.is_floating_point():
        raise Mismatch(f"accuracy(logits, target) has dtype {got.dtype}; a float fraction is expected")
    correct = sum(int(max(range(x.shape[1]), key=lambda j: x[i, j].item()) == target[i]) for i in range(len(x)))
    expect_close(got.double(), torch.tensor(correct / len(x), dtype=torch.float64), what="accuracy",
                 rtol=1e-6, atol=1e-7)
