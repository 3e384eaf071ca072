"""LabelSmoothingCrossEntropy against F.cross_entropy(label_smoothing=eps); MixUp driven by a stand-in learner.

LabelSmoothingCrossEntropy's values and gradients are compared with torch's own, computed in
float64 by autograd, and in float64 with gradcheck's central differences of the student's values.

MixUp is reproduced here from the seed the probe gave torch: after torch.manual_seed(s), for
each training batch in turn, lam = Beta(alpha, alpha).sample(), lam = max(lam, 1 - lam), then
perm = torch.randperm(N), as the contract orders them. The judge draws them itself (in a forked
RNG), and derives the mixed inputs, the mixed loss and its gradient in float64. lam's
distribution is checked on its own, with exact binomial bounds, so that lam drawn from the right
distribution by other means still earns those points.
"""
from __future__ import annotations

import math

import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from grader.testing import Mismatch, exercise, expect_close, expect_tensor, student_gradcheck
from tests.probes import regularization as probe
from tests.regularization_strategies import (
    HUGE,
    alphas,
    batches,
    classification,
    loss_names,
    seeds,
    smoothing_amounts,
)

EPS32 = torch.finfo(torch.float32).eps
DEFAULT_EPS, DEFAULT_ALPHA = 0.1, 0.4  # SPEC.md: LabelSmoothingCrossEntropy(eps=0.1), MixUp(alpha=0.4)
UNCHANGED_HINT = ("compute new tensors: logits -= m, target.unsqueeze_(1) and other in-place operations write into "
                  "the caller's logits or targets, which the training loop uses again")


def smoothing_name(eps) -> str:
    return "LabelSmoothingCrossEntropy()" if eps is None else f"LabelSmoothingCrossEntropy({eps!r})"


# --- LabelSmoothingCrossEntropy: tolerances ------------------------------------------------------------
#
# The loss adds, per row, C log-probabilities x_j - logsumexp(x) (each off by a few ulps of the row's
# magnitude, as the loss assignment's tests explain), then N rows: (C + N + a few) roundings of numbers up to
# twice the largest |x|, however small the result. Gradients: log_softmax's backward multiplies by
# exp(log_softmax), whose exponent is off by ulps of |x|, so they are judged to ulps of the row's magnitude, as
# in the loss assignment: tight at ordinary logits, loose where the forward itself is only right to ulps of 1e30.

def magnitude(x: torch.Tensor) -> float:
    """1 + 2 max |x|: the size of the largest log-probability, the scale of the loss's rounding errors."""
    return 1.0 + 2.0 * float(x.detach().double().abs().max())


def value_tolerance(x: torch.Tensor) -> dict:
    n, c = x.shape
    bound = 4 * (c + n + 4) * torch.finfo(x.dtype).eps
    return {"rtol": bound, "atol": bound * magnitude(x)}


def grad_tolerance(x: torch.Tensor) -> dict:
    c = x.shape[-1]
    bound = 8 * (c + 2) * torch.finfo(x.dtype).eps
    return {"rtol": bound, "atol": bound * magnitude(x)}


def torch_smoothing(logits: torch.Tensor, target: torch.Tensor, eps, weight: torch.Tensor):
    """F.cross_entropy(logits, target, label_smoothing=eps) and d(loss * weight)/d logits, in float64 by autograd."""
    eps = DEFAULT_EPS if eps is None else eps
    leaf = logits.detach().double().requires_grad_()
    out = torch.nn.functional.cross_entropy(leaf, target, label_smoothing=eps)
    (grad,) = torch.autograd.grad(out * weight.double(), leaf)
    return out.detach(), grad


def expect_smoothing(impl, eps, pairs, what_scale: str) -> None:
    """One LabelSmoothingCrossEntropy(eps) on each (logits, target) pair in turn: values and gradients."""
    __tracebackhide__ = True
    weights = [torch.ones((), dtype=x.dtype) for x, _ in pairs]
    got = impl.run(probe.smoothing_values_and_grads, eps, pairs, weights)
    if not isinstance(got, list) or len(got) != len(pairs):
        raise Mismatch(f"expected {len(pairs)} results, got {got!r}")
    name = smoothing_name(eps)
    for i, ((x, target), weight, (value, grad)) in enumerate(zip(pairs, weights, got)):
        call = f"{name}(logits, target), call {i + 1} of {len(pairs)} on one instance ({what_scale}, {x.dtype}, " \
               f"N={x.shape[0]}, C={x.shape[1]})"
        expected, expected_grad = torch_smoothing(x, target, eps, weight)
        value = expect_tensor(value, what=f"{call}: the loss", shape=(), dtype=x.dtype)
        expect_close(value.double(), expected, what=f"{call}: the loss", **value_tolerance(x))
        expect_tensor(grad, what=f"the gradient of {call} (is the loss a differentiable function of the logits? "
                                 f"no .item(), numpy or torch.tensor(...) of a result)", shape=x.shape)
        expect_close(grad.double(), expected_grad, what=f"d({call})/d logits", check_dtype=False,
                     **grad_tolerance(x))


@exercise("LabelSmoothingCrossEntropy", points=4,
          hint="(1 - eps) * nll(log_softmax(x), target) + eps * (mean over the C classes of -log_softmax(x)), "
               "both averaged over the batch: eps is spread over all C classes (the target's own included), "
               "and the smoothing term is a mean over classes, not a sum")
@given(first=classification(), second=classification(), eps=smoothing_amounts)
def test_label_smoothing_equals_torch(impl, first, second, eps):
    """The loss and its gradient equal F.cross_entropy(logits, target, label_smoothing=eps)'s, for eps in [0, 1].

    One instance is called twice, on batches of other sizes (N and C from 1) and dtypes; it
    returns a 0-d tensor of the logits' dtype. None as eps: the constructor's default, 0.1.
    """
    expect_smoothing(impl, eps, [first, second], "ordinary logits")


@exercise("LabelSmoothingCrossEntropy", points=2,
          hint="take log_softmax (x - logsumexp(x), with the max trick, or F.log_softmax), never the log of a "
               "softmax (exp overflows to inf, or underflows to 0 whose log is -inf) nor exp of the logits")
@settings(max_examples=40)
@given(data=classification(HUGE), eps=smoothing_amounts)
def test_label_smoothing_at_any_magnitude(impl, data, eps):
    """For logits up to 1e30 (1e300 in float64) the loss and its gradient still equal torch's, finite.

    Judged to ulps of the logits' magnitude (see value_tolerance and grad_tolerance).
    """
    expect_smoothing(impl, eps, [data], "huge logits")


@exercise("LabelSmoothingCrossEntropy", points=1,
          hint="build the loss from differentiable torch operations on the logits (log_softmax, gather or "
               "indexing, mean), so that autograd gives (softmax - (1 - eps) one_hot - eps / C) / N")
@settings(max_examples=8)  # one probe call per input element and output element
@given(seed=seeds, n=st.integers(1, 3), c=st.integers(1, 4), eps=smoothing_amounts, data=st.data())
def test_label_smoothing_passes_gradcheck(impl, seed, n, c, eps, data):
    """In float64, the gradient of your loss agrees with gradcheck's finite differences of its values."""
    target = torch.tensor(data.draw(st.lists(st.integers(0, c - 1), min_size=n, max_size=n)), dtype=torch.int64)
    logits = torch.randn((n, c), generator=torch.Generator().manual_seed(seed), dtype=torch.float64)
    name = smoothing_name(eps)

    def forward(x):
        value = impl.run(probe.smoothing_values_and_grads, eps, [(x.detach(), target)],
                         [torch.ones((), dtype=torch.float64)])[0][0]
        return expect_tensor(value, what=f"{name}(logits, target)", shape=())

    def backward(x, grad_out):
        weight = grad_out.detach().reshape(())
        return [impl.run(probe.smoothing_values_and_grads, eps, [(x.detach(), target)], [weight])[0][1]]

    student_gradcheck(forward, backward, (logits,), name)


@exercise("LabelSmoothingCrossEntropy", points=1, hint=UNCHANGED_HINT)
@settings(max_examples=30)
@given(data=st.one_of(classification(), classification(HUGE)), eps=smoothing_amounts)
def test_label_smoothing_leaves_its_arguments_unchanged(impl, data, eps):
    """The loss leaves logits and target (values, shape, dtype) exactly as they were."""
    logits, target = data
    after = impl.run(probe.smoothing_arguments_after, eps, logits, target)
    call = f"{smoothing_name(eps)}(logits, target)"
    expect_close(after[0], logits, what=f"logits after {call}", rtol=0, atol=0)
    expect_close(after[1], target, what=f"target after {call}", rtol=0, atol=0)


# --- MixUp: the judge's own draws ------------------------------------------------------------------------

def draws(alpha, seed: int, sizes):
    """[(lam, perm)] for batches of `sizes` in turn after torch.manual_seed(seed), as the contract draws them.

    lam is the float32 Beta sample as a Python float, folded in float64. A correct implementation
    that draws in float64, or folds in float32, is within eps32 / 2 of it (measured on 14,000
    seeds and alphas: 0.5 eps32 at worst); the tolerances below allow 8 eps32.
    """
    alpha = DEFAULT_ALPHA if alpha is None else alpha
    concentration = torch.tensor(float(alpha))
    out = []
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        for n in sizes:
            lam = torch.distributions.Beta(concentration, concentration).sample().item()
            lam = max(lam, 1 - lam)
            out.append((lam, torch.randperm(n)))
    return out


def mixup_name(alpha) -> str:
    return "MixUp()" if alpha is None else f"MixUp({alpha!r})"


def expected_inputs(xb, lam, perm):
    """lam * xb + (1 - lam) * xb[perm] in float64, and the bound on a correct result's distance from it.

    The bound: lam (and 1 - lam) within 8 eps32 of the judge's, times |xb| + |xb[perm]|, plus
    the three roundings of the mix in xb's dtype (4 eps).
    """
    x = xb.double()
    size = x.abs() + x[perm].abs()
    return lam * x + (1 - lam) * x[perm], (8 * EPS32 + 4 * torch.finfo(xb.dtype).eps) * size


def expected_loss(batch, loss_name, lam, perm):
    """lam * loss(preds, yb) + (1 - lam) * loss(preds, yb[perm]) and its gradient in preds, float64, and bounds.

    Bounds: lam within 8 eps32, times |loss1| + |loss2| (and likewise for the gradients); the
    loss functions computed in the batch's dtype are off by a few ulps per term they add (C + N
    of them) of the size of those terms: log-probabilities of about max |preds| for cross
    entropy, squares of differences for mse.
    """
    loss_func = probe.LOSSES[loss_name]
    preds = batch["preds"].double().requires_grad_()
    yb = batch["yb"].double() if batch["yb"].is_floating_point() else batch["yb"]
    first, second = loss_func(preds, yb), loss_func(preds, yb[perm])
    (g1,) = torch.autograd.grad(first, preds, retain_graph=True)
    (g2,) = torch.autograd.grad(second, preds)
    n, c = batch["preds"].shape
    eps = torch.finfo(batch["preds"].dtype).eps
    scale = 1 + float(preds.detach().abs().max()) + (float(yb.abs().max()) if yb.is_floating_point() else 0.0)
    rounding = 16 * (c + n + 4) * eps
    size = scale ** 2 if loss_name == "mse" else scale  # squares of differences, or log-probabilities
    first, second = first.detach(), second.detach()
    value = lam * first + (1 - lam) * second
    value_bound = 8 * EPS32 * (abs(float(first)) + abs(float(second))) + rounding * size
    grad = lam * g1 + (1 - lam) * g2
    grad_bound = (8 * EPS32 + rounding * scale) * (float(g1.abs().max()) + float(g2.abs().max()) + 1 / n)
    return value, value_bound, grad, grad_bound


def expect_records(got, count: int, what: str) -> None:
    __tracebackhide__ = True
    if not isinstance(got, list) or len(got) != count:
        raise Mismatch(f"{what}: expected the records of {count} batches, got {got!r}")


TRAINING_HINT = ("before each training batch draw lam = Beta(alpha, alpha) (torch.distributions.Beta, torch's "
                 "generator), keep max(lam, 1 - lam), then perm = torch.randperm(N), in that order, and set "
                 "learn.xb = lam * xb + (1 - lam) * xb[perm]: one lam for the whole batch")
INPUT_MOMENTS = ("right after before_batch", "at after_pred", "at after_loss")


@exercise("MixUp", points=4, hint=TRAINING_HINT)
@settings(max_examples=40)
@given(alpha=alphas, seed=seeds, loss_name=loss_names, data=st.data())
def test_mixup_mixes_the_inputs(impl, alpha, seed, loss_name, data):
    """Training batch after batch (torch seeded once), learn.xb is lam * xb + (1 - lam) * xb[perm], lam and perm
    drawn as the contract orders them.

    The judge draws lam and perm itself from the same seed. xb is read right after
    before_batch, at after_pred and at after_loss, must keep its dtype and shape, and is judged
    within expected_inputs' bound. None as alpha: the default, 0.4.
    """
    pattern = [True] * data.draw(st.integers(2, 4), label="training batches")
    sent = data.draw(batches(loss_name, pattern), label="batches")
    sent[0]["seed"] = seed
    got = impl.run(probe.mixup, alpha, loss_name, sent)
    name = mixup_name(alpha)
    expect_records(got, len(sent), name)
    for i, (batch, record, (lam, perm)) in enumerate(zip(sent, got, draws(alpha, seed, [len(b["xb"]) for b in sent]))):
        expected, bound = expected_inputs(batch["xb"], lam, perm)
        for moment, xb in zip(INPUT_MOMENTS, record["xb"]):
            what = (f"{name}, training batch {i + 1} of {len(sent)} (torch.manual_seed({seed}) before the first; "
                    f"lam = {lam!r}, perm = {perm.tolist()}): learn.xb {moment}")
            xb = expect_tensor(xb, what=what, shape=batch["xb"].shape, dtype=batch["xb"].dtype)
            expect_close(xb.double(), expected, what=what, rtol=0, atol=bound)


@exercise("MixUp", points=4, hint="in after_loss (training only), set learn.loss = lam * learn.loss_func(learn.preds, "
                                  "learn.yb) + (1 - lam) * learn.loss_func(learn.preds, learn.yb[perm]) with the lam "
                                  "and perm of this batch's before_batch, as a tensor autograd can differentiate "
                                  "(no .item())")
@settings(max_examples=40)
@given(alpha=alphas, seed=seeds, loss_name=loss_names, data=st.data())
def test_mixup_mixes_the_loss(impl, alpha, seed, loss_name, data):
    """Training batch after batch, learn.loss after after_loss is lam * loss(preds, yb) + (1 - lam) *
    loss(preds, yb[perm]), a 0-d tensor of the loss's dtype, and its gradient in preds is that mixture's.

    The loss function is the kit's (cross entropy, cross entropy with label smoothing 0.1, or
    mse on float targets); the stand-in model's preds do not depend on xb, so that this test
    judges the loss alone. Judged within expected_loss's bounds.
    """
    pattern = [True] * data.draw(st.integers(2, 4), label="training batches")
    sent = data.draw(batches(loss_name, pattern), label="batches")
    sent[0]["seed"] = seed
    got = impl.run(probe.mixup, alpha, loss_name, sent)
    name = mixup_name(alpha)
    expect_records(got, len(sent), name)
    for i, (batch, record, (lam, perm)) in enumerate(zip(sent, got, draws(alpha, seed, [len(b["xb"]) for b in sent]))):
        value, value_bound, grad, grad_bound = expected_loss(batch, loss_name, lam, perm)
        what = (f"{name} with loss_func {loss_name}, training batch {i + 1} of {len(sent)} "
                f"(torch.manual_seed({seed}) before the first; lam = {lam!r}, perm = {perm.tolist()})")
        loss = expect_tensor(record["loss"], what=f"{what}: learn.loss after after_loss", shape=(),
                             dtype=batch["preds"].dtype)
        expect_close(loss.double(), value, what=f"{what}: learn.loss after after_loss", rtol=0, atol=value_bound)
        expect_tensor(record["grad"], what=f"{what}: the gradient of learn.loss in preds (is the mixed loss built "
                                           f"from the two losses with tensor operations?)",
                      shape=batch["preds"].shape)
        expect_close(record["grad"].double(), grad, what=f"{what}: d learn.loss / d preds", rtol=0,
                     atol=grad_bound, check_dtype=False)


YB_MOMENTS = ("right after before_batch", "at after_pred", "at after_loss", "at after_batch")


@exercise("MixUp", points=2, hint="leave learn.yb as it is (the targets the metrics compare with) and use yb[perm] "
                                  "only inside the loss; build the mixed xb as a new tensor, never in place in the "
                                  "batch the learner was given")
@settings(max_examples=30)
@given(alpha=alphas, seed=seeds, loss_name=loss_names, data=st.data())
def test_mixup_leaves_yb_and_the_batch_unchanged(impl, alpha, seed, loss_name, data):
    """learn.yb stays the batch's yb at every event, and the xb, yb and preds handed over are unchanged afterwards."""
    pattern = data.draw(st.lists(st.booleans(), min_size=2, max_size=4), label="training (True) or validation")
    sent = data.draw(batches(loss_name, pattern), label="batches")
    sent[0]["seed"] = seed
    got = impl.run(probe.mixup, alpha, loss_name, sent)
    name = mixup_name(alpha)
    expect_records(got, len(sent), name)
    for i, (batch, record) in enumerate(zip(sent, got)):
        kind = "training" if batch["training"] else "validation"
        for moment, yb in zip(YB_MOMENTS, record["yb"]):
            expect_close(yb, batch["yb"], what=f"{name}, {kind} batch {i + 1}: learn.yb {moment}", rtol=0, atol=0)
        for key, value in zip(("xb", "yb", "preds"), record["sent"]):
            expect_close(value, batch[key], what=f"{name}, {kind} batch {i + 1}: the {key} the learner handed over, "
                                                 f"after the batch", rtol=0, atol=0)


@exercise("MixUp", points=2, hint="in validation (learn.training False) leave xb and loss alone, in before_batch "
                                  "and in after_loss: the model is judged on real examples")
@settings(max_examples=30)
@given(alpha=alphas, loss_name=loss_names, data=st.data())
def test_mixup_leaves_validation_batches_alone(impl, alpha, loss_name, data):
    """In validation batches (between training ones), learn.xb and learn.loss are exactly what the learner made.

    torch is seeded before every batch, so that what a validation batch draws does not matter.
    """
    pattern = data.draw(st.lists(st.booleans(), min_size=2, max_size=5).filter(lambda p: not all(p)),
                        label="training (True) or validation")
    sent = data.draw(batches(loss_name, pattern), label="batches")
    for batch in sent:
        batch["seed"] = data.draw(seeds, label="seed")
    got = impl.run(probe.mixup, alpha, loss_name, sent)
    name = mixup_name(alpha)
    expect_records(got, len(sent), name)
    kinds = ", ".join("training" if p else "validation" for p in pattern)
    for i, (batch, record) in enumerate(zip(sent, got)):
        if batch["training"]:
            continue
        what = f"{name}, batch {i + 1} ({kinds}), in validation:"
        for moment, xb in zip(INPUT_MOMENTS, record["xb"]):
            expect_close(xb, batch["xb"], what=f"{what} learn.xb {moment}", rtol=0, atol=0)
        loss_func = probe.LOSSES[loss_name]
        expected = loss_func(batch["preds"], batch["yb"])
        dtype_eps = torch.finfo(batch["preds"].dtype).eps
        expect_close(record["loss"], expected, what=f"{what} learn.loss after after_loss (the learner's "
                                                    f"loss_func(preds, yb))", rtol=4 * dtype_eps, atol=4 * dtype_eps)


# --- MixUp: lam's distribution ---------------------------------------------------------------------------------
#
# With xb the identity matrix I (N x N), the mixed batch is lam I + (1 - lam) P, P the permutation's matrix: row i
# holds lam at column i when perm[i] != i, and 1 there when perm[i] == i. So D = min_i diag is lam whenever perm is
# not the identity (probability 1 - 1/N!) and 1 otherwise, and for a correct MixUp (lam and perm independent)
# P(D <= q) = F(q) (1 - 1/N!) for q < 1, F being the CDF of max(B, 1 - B), B ~ Beta(alpha, alpha):
# F(q) = P(1 - q <= B <= q) = 1 - 2 I_{1-q}(alpha, alpha), I the regularized incomplete beta function.

def incomplete_beta(x: float, a: float, b: float, terms: int = 200) -> float:
    """I_x(a, b) for 0 <= x <= 1/2, by its power series.

    I_x(a, b) = x^a / B(a, b) * sum_n (1 - b)_n / n! * x^n / (a + n), (1 - b)_n the rising
    factorial. For x <= 1/2 and b <= 5 the n-th term is at most about n^4 2^-n: 200 terms leave
    less than 1e-50. Checked against scipy.stats.beta.cdf (alpha 0.05 to 10): within 1e-13.
    """
    if x <= 0.0:
        return 0.0
    total, coefficient = 0.0, 1.0
    for n in range(terms):
        if n:
            coefficient *= (n - b) / n
        total += coefficient * x ** n / (a + n)
    log_beta = math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)
    return math.exp(a * math.log(x) - log_beta) * total


def folded_cdf(q: float, alpha: float) -> float:
    """P(max(B, 1 - B) <= q), B ~ Beta(alpha, alpha), for q in [1/2, 1]."""
    return 1.0 - 2.0 * incomplete_beta(1.0 - q, alpha, alpha) if q < 1.0 else 1.0


def folded_quantile(level: float, alpha: float) -> float:
    """The q in [1/2, 1] where folded_cdf reaches `level` (bisection, to float64's precision)."""
    lo, hi = 0.5, 1.0
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if folded_cdf(mid, alpha) < level else (lo, mid)
    return (lo + hi) / 2


def binomial_interval(n: int, p: float, alpha: float) -> tuple[int, int]:
    """[lo, hi] holding a Binomial(n, p) count except with probability at most alpha (exact tails)."""
    k = torch.arange(n + 1, dtype=torch.float64)
    log_pmf = (math.lgamma(n + 1) - torch.lgamma(k + 1) - torch.lgamma(n - k + 1)
               + k * math.log(p) + (n - k) * math.log1p(-p))
    pmf = log_pmf.exp()
    below = torch.cumsum(pmf, 0) - pmf
    above = torch.flip(torch.cumsum(torch.flip(pmf, [0]), 0), [0]) - pmf
    return int((below <= alpha / 2).nonzero().max()), int((above <= alpha / 2).nonzero().min())


FALSE_FAILURE = 1e-9
# Small alpha (lam mostly near 1), the lesson's 0.4, and a large one (lam mostly near 0.5): Beta(alpha, 1) and the
# uniform distribution are far from Beta(alpha, alpha) folded at 3 and at 0.2 respectively; an unfolded lam
# (below 1/2 half the time) is far from it at every alpha.
DISTRIBUTION_ALPHAS = (0.2, 0.4, 3.0)
LEVELS = (0.2, 0.5, 0.8)  # quantiles of the folded distribution where the counts are judged
DRAWS = 1000  # batches per alpha
SIDE = 5  # N: the permutation is the identity with probability 1/120
# A count of D <= q can be changed by rounding only for D within BAND of q: torch's float32 sample is the Beta
# variate up to float32's rounding, a correct lam folded or drawn in float64 is within eps32 / 2 of it, and the mix
# in float64 adds 1e-16: all far below BAND (8 eps32). Draws that close to q count as either side: the test fails
# only when even the most favourable reading of them leaves the exact interval.
BAND = 1e-6


@exercise("MixUp", points=3, hint="lam = Beta(alpha, alpha).sample() (torch.distributions.Beta, with alpha for both "
                                  "parameters), then lam = max(lam, 1 - lam): one lam per batch, from [0.5, 1], drawn "
                                  "anew for every training batch")
@settings(max_examples=3)
@given(seed=seeds)
def test_mixup_draws_lam_from_the_folded_beta(impl, seed):
    """Over 1,000 training batches per alpha (0.2, 0.4, 3), lam follows max(B, 1 - B), B ~ Beta(alpha, alpha).

    lam is read from the mixed identity matrix (see above: D, the smallest diagonal entry). At
    the folded distribution's 0.2, 0.5 and 0.8 quantiles q, the number of batches with D <= q is
    Binomial(1000, F(q) (1 - 1/120)); its exact interval fails with probability 1e-9 / 9 each,
    1e-9 in all. Catches a lam not folded, drawn uniformly, from Beta(alpha, 1), once for all
    batches or per example.
    """
    eye = torch.eye(SIDE, dtype=torch.float64)
    identity = 1 / math.factorial(SIDE)
    for alpha in DISTRIBUTION_ALPHAS:
        got = impl.run(probe.mixed_inputs, alpha, seed, eye, DRAWS)
        what = f"MixUp({alpha}) on {DRAWS} training batches whose xb is the {SIDE}x{SIDE} identity"
        got = expect_tensor(got, what=f"{what}: learn.xb after each before_batch, stacked",
                            shape=(DRAWS, SIDE, SIDE), dtype=torch.float64)
        smallest = got.diagonal(dim1=1, dim2=2).amin(1)
        for level in LEVELS:
            q = folded_quantile(level, alpha)
            p = folded_cdf(q, alpha) * (1 - identity)
            lo, hi = binomial_interval(DRAWS, p, FALSE_FAILURE / (len(DISTRIBUTION_ALPHAS) * len(LEVELS)))
            surely_below = int((smallest <= q - BAND).sum())
            maybe_below = int((smallest <= q + BAND).sum())
            if maybe_below < lo or surely_below > hi:
                count = surely_below if surely_below == maybe_below else f"{surely_below} to {maybe_below}"
                raise Mismatch(f"{what}: lam (the smallest diagonal entry of the mixed batch) was at most {q:.6f} in "
                               f"{count} batches; max(B, 1 - B) with B ~ Beta({alpha}, {alpha}) is at most {q:.6f} "
                               f"with probability {level}, so a correct MixUp gives between {lo} and {hi} such "
                               f"batches (except once in 10^9 runs)")
