"""BatchNorm, LayerNorm and InstanceNorm against nn.BatchNorm2d, F.layer_norm and F.instance_norm.

The judge makes every input, and the parameter values the probe loads, itself (tests/norm_strategies.py),
and recomputes with torch in float64: outputs, the gradients of sum(out * w) for the input and the
parameters (autograd through torch's own functions), and BatchNorm's running buffers after every step.

Tolerances are bounds on the rounding error of a correct two-pass computation in the dtype under test
(u = finfo(dtype).eps / 2, gamma(k) = k u / (1 - k u), the classic bound for k roundings), plus the same
bound for the judge's own float64 computation, times 2 for the second-order terms:

- the mean of n values, in any order of summation, is off by at most gamma(n + 2) max|x| =: delta;
- x - mean is then off by delta (plus a rounding), and the mean of squared deviations is
  (var + delta^2)(1 + gamma(n + 6)): the shift drops out to first order, since deviations sum to 0;
  a one-pass update of the mean and the squared deviations (Welford's, as torch.var and
  torch.var_mean may use) keeps a first-order term, about delta * sqrt(var): the variance's error is
  bounded by var_error = delta^2 + 4 delta sqrt(var) + gamma(n + 6)(var + delta^2);
- so the normalised value (x - mean) / sqrt(var + eps) is off by delta / s plus a relative
  r + 3u, where s = sqrt(var + eps) and r = (var_error + gamma(n + 6) eps) / (var + eps);
- `* mult + add` adds two roundings; gradients and running buffers follow the same terms (see the bounds
  below). Any correct order of operations (torch.var, var_mean, einsum, sums over a reshaped tensor,
  x * scale + shift) stays within them. E[x^2] - E[x]^2 does not: its error is gamma(n) E[x^2], about
  delta * max|x|, which at an offset far from zero (the large-offset tests: max|x| / sqrt(var) near 1e4 in
  float32, 1e8 in float64) is many times the variance itself.
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from grader.testing import Mismatch, exercise, expect_close, expect_tensor, student_gradcheck
from tests.norm_strategies import (
    OFFSETS,
    batch_statistics_defined,
    batches,
    batchnorm_scripts,
    channels,
    epses,
    image,
    modes,
    moms,
    parameters,
    seeds,
    sides,
    spreads,
    weights,
)
from tests.probes import norm as probe
from tests.strategies import float_dtypes

BN_PARAMS, BN_BUFFERS = ["mults", "adds"], ["means", "vars"]
LN_PARAMS = ["mult", "add"]
DEFAULT_MOM, DEFAULT_EPS = 0.1, 1e-5  # SPEC.md's defaults, torch's too

UNCHANGED_HINT = ("compute into new tensors: x -= mean, x.sub_(...), x.div_(...) or any in-place operation on x "
                  "writes into the caller's tensor, which the previous layer and autograd still need")
GRAD_HINT = ("build the output from differentiable torch operations on x and the parameters (no .detach(), "
             "no .data, no torch.no_grad() around the normalisation itself)")
REGISTER_HINT = ("buffers with self.register_buffer('means', torch.zeros(1, nf, 1, 1)) and 'vars' (ones): "
                 "registered buffers are saved in state_dict and move with .to() and .double(), and unlike "
                 "parameters they are not in parameters(), so no optimizer changes them")
NO_GRAD_HINT = ("update the running statistics in place under torch.no_grad() (self.means.lerp_(mean, mom)): they "
                "are statistics, not part of the computation autograd differentiates")
OFFSET_HINT = ("compute the variance in two passes, ((x - mean) ** 2).mean(): E[x^2] - E[x]^2 subtracts two "
               "numbers near offset^2 and loses the variance when the inputs sit far from zero")


# --- rounding bounds ------------------------------------------------------------------------------------

def unit(dtype) -> float:
    return torch.finfo(dtype).eps / 2


def gamma(k, dtype):
    """k u / (1 - k u): the relative error bound of k successive roundings (k a number or a tensor)."""
    u = unit(dtype)
    return k * u / (1 - k * u)


def count(x: torch.Tensor, dims) -> int:
    return math.prod(x.shape[d] for d in dims)


def batch_bounds(x, w, mult, add, dims, param_dims, eps, dtype) -> dict:
    """Bounds on the error of a correct two-pass normalisation over `dims` computed in `dtype` (see the module
    docstring): per element for `out` and `x` (the gradient of sum(out * w)), per parameter entry for `mult` and
    `add` (summed over `param_dims`, keepdim); all float64 tensors, the factor 2 for second-order terms included.
    """
    u = unit(dtype)
    x, w, mult, add = (t.double() for t in (x, w, mult, add))
    n = count(x, dims)
    mean = x.mean(dims, keepdim=True)
    var = ((x - mean) ** 2).mean(dims, keepdim=True)
    s = (var + eps).sqrt()
    yhat = (x - mean) / s
    delta = gamma(n + 2, dtype) * x.abs().amax(dims, keepdim=True)
    var_error = delta ** 2 + 4 * delta * var.sqrt() + gamma(n + 6, dtype) * (var + delta ** 2)
    r = (var_error + gamma(n + 6, dtype) * eps) / (var + eps)
    e_y = delta / s + yhat.abs() * (r + 3 * u)
    g = w * mult
    mean_g, mean_gy = g.abs().mean(dims, keepdim=True), (g * yhat).abs().mean(dims, keepdim=True)
    spread = g.abs() + mean_g + yhat.abs() * mean_gy
    e_max = e_y.amax(dims, keepdim=True)
    terms = count(x, param_dims) + 2
    return {
        "out": 2 * (mult.abs() * e_y + 2 * u * ((mult * yhat).abs() + add.abs())),
        "x": 2 * ((gamma(2 * n + 10, dtype) + r) * spread + e_max * (mean_gy + (yhat.abs() + e_max) * mean_g)) / s,
        "mult": 2 * (gamma(terms, dtype) * (w * yhat).abs().sum(param_dims, keepdim=True)
                     + (w.abs() * e_y).sum(param_dims, keepdim=True)),
        "add": 2 * gamma(terms, dtype) * w.abs().sum(param_dims, keepdim=True),
        # what the running statistics receive: the batch mean's error and the unbiased variance's
        "mean": delta,
        "var_unbiased": n / max(n - 1, 1) * var_error,
    }


def eval_bounds(x, w, mult, add, means, vars_, t_means, t_vars, eps, dtype) -> dict:
    """Bounds for BatchNorm in eval mode, normalising with buffers `means`, `vars_` (exact, float64) that the
    computation holds with errors up to t_means, t_vars (the running bounds below)."""
    u = unit(dtype)
    x, w, mult, add = (t.double() for t in (x, w, mult, add))
    s = (vars_ + eps).sqrt()
    yhat = (x - means) / s
    r = (t_vars + 3 * u * (vars_ + eps)) / (vars_ + eps)
    e_y = (t_means + 2 * u * (x.abs() + means.abs())) / s + yhat.abs() * (r + 3 * u)
    terms = x.shape[0] * x.shape[2] * x.shape[3] + 2
    return {
        "out": 2 * (mult.abs() * e_y + 2 * u * ((mult * yhat).abs() + add.abs())),
        "x": 2 * (w * mult).abs() * (r + 3 * u) / s,
        "mult": 2 * (gamma(terms, dtype) * (w * yhat).abs().sum((0, 2, 3), keepdim=True)
                     + (w.abs() * e_y).sum((0, 2, 3), keepdim=True)),
        "add": 2 * gamma(terms, dtype) * w.abs().sum((0, 2, 3), keepdim=True),
    }


def both(bounds, *args, dtype) -> dict:
    """The bounds for the student's dtype plus those for the judge's float64 (its own rounding)."""
    mine, judge = bounds(*args, dtype=dtype), bounds(*args, dtype=torch.float64)
    return {key: mine[key] + judge[key] for key in mine}


# --- judging helpers --------------------------------------------------------------------------------------

def no_error(got):
    """The probe's error record (a missing attribute), raised as a Mismatch; otherwise got itself."""
    __tracebackhide__ = True
    if isinstance(got, dict) and "error" in got:
        raise Mismatch(got["error"])
    return got


def expect_rounded(got, expected: torch.Tensor, bound: torch.Tensor, dtype, what: str, shape=None) -> None:
    """got is a tensor of `dtype` and `shape` (expected's by default) within `bound` of the float64 `expected`,
    plus the rounding of expected to dtype. With a `shape` of as many values, got is compared reshaped."""
    __tracebackhide__ = True
    shape = tuple(expected.shape) if shape is None else tuple(shape)
    got = expect_tensor(got, what=what, shape=shape, dtype=dtype)
    expected = expected.detach().double()
    atol = bound.expand_as(expected) + unit(dtype) * expected.abs()
    expect_close(got.reshape(expected.shape), expected.to(dtype), what=what, rtol=0, atol=atol)


def expect_param_grad(got, expected, bound, dtype, what) -> None:
    """A parameter's gradient: present, of as many values as the parameter (its shape is judged by the tests of
    the fresh layer), within `bound`."""
    __tracebackhide__ = True
    if got is None:
        raise Mismatch(f"no gradient reaches {what}: is it an nn.Parameter, used in the output?", hint=GRAD_HINT)
    got = expect_tensor(got, what=f"the gradient for {what}", dtype=dtype)
    if got.numel() != expected.numel():
        raise Mismatch(f"the gradient for {what} has shape {tuple(got.shape)}, expected {expected.numel()} values")
    expect_rounded(got.reshape(expected.shape), expected, bound, dtype, f"the gradient for {what}")


def expect_grads(record, expected: dict, bounds: dict, dtype, names: dict, call: str) -> None:
    """The probe's gradients for x and the parameters (names: {probe name: bound key}) against autograd's."""
    __tracebackhide__ = True
    grads = record.get("grads") or {}
    if grads.get("x") is None:
        raise Mismatch(f"no gradient reaches x{call}: the output does not depend on x through autograd",
                       hint=GRAD_HINT)
    expect_rounded(grads["x"], expected["x"], bounds["x"], dtype, f"d sum(out * w) / dx{call}")
    for name, key in names.items():
        expect_param_grad(grads.get(name), expected[key], bounds[key], dtype, f"{name}{call}")


def describe(name: str, args: list, kwargs: dict) -> str:
    inside = [str(a) for a in args] + [f"{k}={v}" for k, v in kwargs.items()]
    return f"{name}({', '.join(inside)})"


def script_inputs(seed: int, shapes, dtype, spread: float, offset: float = 0.0):
    """The images and the upstream weights w of each step, from the seed."""
    return [(image(seed + 7 * i, shape, dtype, spread, offset), weights(seed + 7 * i, shape, dtype))
            for i, shape in enumerate(shapes)]


# --- BatchNorm ----------------------------------------------------------------------------------------------

def torch_batchnorm(nf, mom, eps, mults, adds):
    """nn.BatchNorm2d(nf, eps=eps, momentum=mom) in float64 holding mults and adds as weight and bias."""
    bn = torch.nn.BatchNorm2d(nf, eps=eps, momentum=mom).double()
    with torch.no_grad():
        bn.weight.copy_(mults.double().reshape(-1))
        bn.bias.copy_(adds.double().reshape(-1))
    return bn


class RunningBounds:
    """Bounds on the error of the running buffers, step by step (lerp_ with weight mom: the old buffer's error
    shrinks by 1 - mom, the batch's comes in times mom, plus the roundings of the lerp itself)."""

    def __init__(self, nf, dtype):
        self.dtype = dtype
        self.means = torch.zeros(1, nf, 1, 1, dtype=torch.float64)
        self.vars = torch.zeros(1, nf, 1, 1, dtype=torch.float64)

    def train_step(self, mom, batch, old_means, old_vars, new_mean, new_var_unbiased):
        u = unit(self.dtype)
        self.means = (1 - mom) * self.means + mom * batch["mean"] + 4 * u * (old_means.abs() + new_mean.abs())
        self.vars = ((1 - mom) * self.vars + mom * batch["var_unbiased"]
                     + 4 * u * (old_vars.abs() + new_var_unbiased.abs()))


def expected_batchnorm(nf, mom, eps, values, script, dtype):
    """nn.BatchNorm2d's output, gradients and buffers at every step of `script` ([mode, x, w]), with their
    bounds: [{out, x, mult, add, means, vars}, {bounds of the same}] per step."""
    bn = torch_batchnorm(nf, mom, eps, values["mults"], values["adds"])
    mults, adds = values["mults"].double(), values["adds"].double()
    running = {d: RunningBounds(nf, d) for d in (dtype, torch.float64)}
    results = []
    for mode, x, w in script:
        old_means, old_vars = bn.running_mean.view(1, nf, 1, 1).clone(), bn.running_var.view(1, nf, 1, 1).clone()
        bn.train(mode == "train")
        leaf = x.double().requires_grad_()
        out = bn(leaf)
        gx, gw, gb = torch.autograd.grad((out * w.double()).sum(), [leaf, bn.weight, bn.bias])
        new_means, new_vars = bn.running_mean.view(1, nf, 1, 1).clone(), bn.running_var.view(1, nf, 1, 1).clone()
        if mode == "train":
            bounds = both(batch_bounds, x, w, mults, adds, (0, 2, 3), (0, 2, 3), eps, dtype=dtype)
            xd = x.double()
            mean, n = xd.mean((0, 2, 3), keepdim=True), count(xd, (0, 2, 3))
            var_unbiased = ((xd - mean) ** 2).sum((0, 2, 3), keepdim=True) / (n - 1)
            for d, r in running.items():
                r.train_step(mom, batch_bounds(x, w, mults, adds, (0, 2, 3), (0, 2, 3), eps, d), old_means,
                             old_vars, mean, var_unbiased)
        else:
            bounds = {}
            for d, r in running.items():
                for key, value in eval_bounds(x, w, mults, adds, old_means, old_vars, r.means, r.vars, eps,
                                              d).items():
                    bounds[key] = bounds.get(key, 0) + value
        bounds["mult"], bounds["add"] = bounds["mult"].view(nf, 1, 1), bounds["add"].view(nf, 1, 1)
        bounds["means"] = 2 * (running[dtype].means + running[torch.float64].means)
        bounds["vars"] = 2 * (running[dtype].vars + running[torch.float64].vars)
        expected = {"out": out.detach(), "x": gx, "mult": gw.view(nf, 1, 1), "add": gb.view(nf, 1, 1),
                    "means": new_means, "vars": new_vars}
        results.append((expected, bounds))
    return results


def expect_buffers(record, expected, bounds, nf, dtype, call) -> None:
    """The buffers means and vars after a step: (1, nf, 1, 1) tensors of the input's dtype, as torch's."""
    __tracebackhide__ = True
    for name in BN_BUFFERS:
        got = expect_tensor(record["buffers"][name], what=f"the buffer {name} after {call}")
        if got.dtype != dtype:
            raise Mismatch(f"the buffer {name} after {call} has dtype {got.dtype}; the layer was moved to {dtype} "
                           f"with .to({dtype}), as the input is", hint=REGISTER_HINT)
        expect_rounded(record["buffers"][name], expected[name], bounds[name], dtype,
                       f"the buffer {name} after {call}", shape=(1, nf, 1, 1))
        if record["buffers_require_grad"][name]:
            raise Mismatch(f"the buffer {name} requires grad after {call}: autograd recorded its update, so every "
                           f"batch's graph stays alive through it (torch's running statistics never require grad)",
                           hint=NO_GRAD_HINT)


def bn_call_names(script) -> list[str]:
    return [f"step {i + 1} of {len(script)} ({mode})" for i, (mode, *_rest) in enumerate(script)]


@exercise("BatchNorm", points=6, hint="in training normalise with the batch's per-channel mean and biased "
                                      "variance over (N, H, W), then means.lerp_(mean, mom) and "
                                      "vars.lerp_(unbiased variance, mom) under torch.no_grad(); in eval "
                                      "normalise with means and vars and change nothing")
@settings(max_examples=25)
@given(data=st.data(), nf=channels, dtype=float_dtypes, mom=moms, eps=epses, defaults=st.booleans(),
       spread=spreads, seed=seeds)
def test_batchnorm_equals_torch_step_by_step(impl, data, nf, dtype, mom, eps, defaults, spread, seed):
    """Over training and eval steps (train -> eval -> train included), output, gradients and buffers equal
    nn.BatchNorm2d's at every step.

    The layer gets random mults and adds (the judge's values); torch's BatchNorm2d(nf, eps=eps, momentum=mom)
    holds the same. Shapes change between steps; a batch of one in eval included. Tolerances: the module
    docstring's rounding bounds, with the buffers' errors carried from step to step.
    """
    shapes = data.draw(batchnorm_scripts(nf))
    kwargs = {} if defaults else {"mom": mom, "eps": eps}
    mom, eps = (DEFAULT_MOM, DEFAULT_EPS) if defaults else (mom, eps)
    values = parameters(seed, {"mults": (nf, 1, 1), "adds": (nf, 1, 1)}, dtype)
    inputs = script_inputs(seed, [shape for _, shape in shapes], dtype, spread)
    script = [[mode, x, w] for (mode, _), (x, w) in zip(shapes, inputs)]
    records = no_error(impl.run(probe.steps, "BatchNorm", [nf], kwargs, values, BN_PARAMS, BN_BUFFERS, script))
    layer = describe("BatchNorm", [nf], kwargs)
    for call, record, (expected, bounds) in zip(bn_call_names(script), records,
                                             expected_batchnorm(nf, mom, eps, values, script, dtype)):
        what = f"{layer}(x) at {call}"
        expect_rounded(record["out"], expected["out"], bounds["out"], dtype, what)
        expect_buffers(record, expected, bounds, nf, dtype, call)
        expect_grads(record, expected, bounds, dtype, {"mults": "mult", "adds": "add"}, f" at {call}")


@exercise("BatchNorm", points=2, hint="parameters mults = nn.Parameter(torch.ones(nf, 1, 1)) and adds (zeros); "
                                      + REGISTER_HINT)
@given(nf=channels)
def test_batchnorm_fresh_parameters_and_buffers(impl, nf):
    """A fresh BatchNorm(nf) has parameters mults (ones) and adds (zeros) of shape (nf, 1, 1), nothing else, and
    registered buffers means (zeros) and vars (ones) of shape (1, nf, 1, 1)."""
    got = impl.run(probe.fresh, "BatchNorm", [nf], BN_PARAMS + BN_BUFFERS)
    expect_registered(got, f"BatchNorm({nf})", {"mults": torch.ones(nf, 1, 1), "adds": torch.zeros(nf, 1, 1)},
                      {"means": torch.zeros(1, nf, 1, 1), "vars": torch.ones(1, nf, 1, 1)})


def expect_registered(got, layer: str, params: dict, buffers: dict, scalar: bool = False) -> None:
    """The fresh layer's parameters are exactly `params` (values, float32, requiring grad; with `scalar`, shape
    () or (1,)), and `buffers` are registered buffers (values, in state_dict, moved by .double())."""
    __tracebackhide__ = True
    names = sorted(got["parameters"])
    extra = sorted(set(names) - set(params))
    if extra:
        raise Mismatch(f"{layer}.parameters() holds {', '.join(extra)}, beyond {', '.join(params)}"
                       + (": buffers are not parameters (register_buffer)" if set(extra) & set(buffers) else ""))
    for name, value in params.items():
        if name not in got["parameters"]:
            raise Mismatch(f"{layer} has no parameter {name} (an nn.Parameter assigned as self.{name})")
        shape = value.shape
        if scalar and tuple(got["parameters"][name].shape) in [(), (1,)]:
            shape = got["parameters"][name].shape
        expect_close(got["parameters"][name], value.reshape(shape), what=f"{layer}.{name} at construction",
                     rtol=0, atol=0)
        if not got["requires_grad"][name]:
            raise Mismatch(f"{layer}.{name} does not require grad: a parameter is learned")
    for name, value in buffers.items():
        if name not in got["buffers"]:
            raise Mismatch(f"{layer}.{name} is not a registered buffer (self.register_buffer({name!r}, ...)): "
                           f"its state_dict holds {got['state_dict']}, and .to() and .double() leave a plain "
                           f"attribute behind (after .double() it is {got['after_double'].get(name)})")
        expect_close(got["buffers"][name], value, what=f"the buffer {layer}.{name} at construction", rtol=0, atol=0)
        if name not in got["state_dict"] or got["after_double"].get(name) != "torch.float64":
            raise Mismatch(f"{layer}.{name} is not saved or moved with the module (state_dict: "
                           f"{got['state_dict']}; after .double(): {got['after_double'].get(name)})")


@exercise("BatchNorm", points=2, hint="in eval mode use the running statistics means and vars, never the "
                                      "batch's: then each sample's output depends on that sample alone")
@settings(max_examples=20)
@given(nf=channels, n=st.integers(2, 4), h=sides, w=sides, dtype=float_dtypes, mom=moms, eps=epses,
       spread=spreads, seed=seeds)
def test_batchnorm_eval_output_is_per_sample(impl, nf, n, h, w, dtype, mom, eps, spread, seed):
    """After two training steps, in eval mode, each sample alone (a batch of one) gives its row of the batch's
    output, and both equal nn.BatchNorm2d's in eval mode."""
    values = parameters(seed, {"mults": (nf, 1, 1), "adds": (nf, 1, 1)}, dtype)
    train_xs = [image(seed + 1, (3, nf, 2, 3), dtype, spread), image(seed + 2, (2, nf, 3, 1), dtype, spread)]
    x = image(seed, (n, nf, h, w), dtype, spread)
    got = no_error(impl.run(probe.eval_rows, nf, {"mom": mom, "eps": eps}, values, train_xs, x))
    zeros = torch.zeros_like(x)
    script = [["train", t, torch.zeros_like(t)] for t in train_xs] + [["eval", x, zeros]]
    expected, bounds = expected_batchnorm(nf, mom, eps, values, script, dtype)[-1]
    layer = f"BatchNorm({nf}, mom={mom}, eps={eps})"
    expect_rounded(got["whole"], expected["out"], bounds["out"], dtype, f"{layer} in eval mode on a batch of {n}")
    if not isinstance(got["rows"], list) or len(got["rows"]) != n:
        raise Mismatch(f"expected {n} outputs, one per sample, got {got['rows']!r}")
    for i, row in enumerate(got["rows"]):
        expect_rounded(row, expected["out"][i:i + 1], bounds["out"][i:i + 1], dtype,
                       f"{layer} in eval mode on sample {i} alone (a batch of one)")


@exercise("BatchNorm", points=1, hint=GRAD_HINT)
@settings(max_examples=6)  # gradcheck calls the layer about twice per input value
@given(nf=st.integers(1, 2), n=st.integers(1, 3), h=st.integers(1, 3), w=st.integers(1, 2), training=st.booleans(),
       eps=epses, seed=seeds)
def test_batchnorm_passes_gradcheck(impl, nf, n, h, w, training, eps, seed):
    """In float64, BatchNorm's gradients for x, mults and adds agree with gradcheck's central differences of its
    own outputs, in training and in eval mode (with random buffers)."""
    shape = (n if not training or batch_statistics_defined((n, nf, h, w)) else 2, nf, h, w)
    mode = "train" if training else "eval"
    buffers = parameters(seed + 1, {"means": (1, nf, 1, 1), "vars": (1, nf, 1, 1)}, torch.float64)
    buffers["vars"] = buffers["vars"].abs() + 0.5
    x = image(seed, shape, torch.float64)
    params = parameters(seed, {"mults": (nf, 1, 1), "adds": (nf, 1, 1)}, torch.float64)
    gradcheck_layer(impl, "BatchNorm", [nf], {"eps": eps}, mode, x, params, buffers, BN_BUFFERS,
                    f"BatchNorm({nf}, eps={eps}) in {mode} mode")


def gradcheck_layer(impl, name, args, kwargs, mode, x, params: dict, fixed: dict, buffers, what) -> None:
    """student_gradcheck of the layer's gradients for x and `params` (loaded with `fixed` each call)."""
    __tracebackhide__ = True
    names = list(params)

    def run(inputs, w, grad):
        values = {**fixed, **dict(zip(names, inputs[1:]))}
        return no_error(impl.run(probe.steps, name, args, kwargs, values, names, buffers,
                                 [[mode, inputs[0].detach(), w]], grad))[0]

    def forward(*inputs):
        out = run(inputs, torch.zeros_like(inputs[0]), False)["out"]
        return expect_tensor(out, what=f"{what}(x)", shape=inputs[0].shape, dtype=torch.float64)

    def backward(*inputs_and_grad):
        *inputs, grad_out = inputs_and_grad
        grads = run(inputs, grad_out, True).get("grads") or {}
        result = []
        for key, value in zip(["x", *names], inputs):
            g = grads.get(key)
            if g is None:
                raise Mismatch(f"no gradient reaches {key}", hint=GRAD_HINT)
            g = expect_tensor(g, what=f"the gradient for {key}", dtype=torch.float64)
            if g.numel() != value.numel():
                raise Mismatch(f"the gradient for {key} has shape {tuple(g.shape)}, expected {tuple(value.shape)}")
            result.append(g.reshape(value.shape))
        return result

    student_gradcheck(forward, backward, (x, *params.values()), f"the gradients of {what}")


@exercise("BatchNorm", points=1, hint=UNCHANGED_HINT)
@settings(max_examples=15)
@given(nf=channels, dtype=float_dtypes, seed=seeds, data=st.data())
def test_batchnorm_leaves_x_unchanged(impl, nf, dtype, seed, data):
    """After each step, training and eval, x holds exactly what it held before the call."""
    shapes = data.draw(batchnorm_scripts(nf, max_steps=4))
    values = parameters(seed, {"mults": (nf, 1, 1), "adds": (nf, 1, 1)}, dtype)
    inputs = script_inputs(seed, [shape for _, shape in shapes], dtype, 1.0)
    script = [[mode, x, w] for (mode, _), (x, w) in zip(shapes, inputs)]
    records = no_error(impl.run(probe.steps, "BatchNorm", [nf], {}, values, BN_PARAMS, BN_BUFFERS, script, False))
    for call, (_, x, _), record in zip(bn_call_names(script), script, records):
        expect_close(record["x_after"], x, what=f"x after BatchNorm({nf})(x) at {call}", rtol=0, atol=0)


@exercise("BatchNorm", points=2, hint=OFFSET_HINT)
@settings(max_examples=12)
@given(nf=channels, n=batches, h=st.integers(1, 4), w=st.integers(1, 4), dtype=float_dtypes, mom=moms, eps=epses,
       offset_index=st.integers(0, 1), seed=seeds)
def test_batchnorm_at_large_offsets(impl, nf, n, h, w, dtype, mom, eps, offset_index, seed):
    """With inputs around 1e4 (float32) or 1e8 (float64) and unit spread: two training steps and an eval step
    give nn.BatchNorm2d's outputs and buffers, within the two-pass rounding bounds of the module docstring."""
    offset = OFFSETS[dtype][offset_index]
    shape = (n if batch_statistics_defined((n, nf, h, w)) else 2, nf, h, w)
    values = parameters(seed, {"mults": (nf, 1, 1), "adds": (nf, 1, 1)}, dtype)
    xs = [image(seed + i, shape, dtype, 1.0, offset) for i in range(3)]
    script = [[mode, x, torch.zeros_like(x)] for mode, x in zip(["train", "train", "eval"], xs)]
    kwargs = {"mom": mom, "eps": eps}
    records = no_error(impl.run(probe.steps, "BatchNorm", [nf], kwargs, values, BN_PARAMS, BN_BUFFERS, script, False))
    layer = describe("BatchNorm", [nf], kwargs)
    for call, record, (expected, bounds) in zip(bn_call_names(script), records,
                                                expected_batchnorm(nf, mom, eps, values, script, dtype)):
        expect_rounded(record["out"], expected["out"], bounds["out"], dtype, f"{layer}(x) at {call}, x near {offset:g}")
        expect_buffers(record, expected, bounds, nf, dtype, f"{call}, x near {offset:g}")


# --- LayerNorm and InstanceNorm -------------------------------------------------------------------------------

def torch_layernorm(x, mult, add, eps):
    return F.layer_norm(x, x.shape[1:], eps=eps) * mult + add


def torch_instancenorm(x, mults, adds, eps):
    return F.instance_norm(x, eps=eps) * mults + adds


# name: (torch's function, the statistics' dims, the parameters' reduction dims, parameter names and shapes)
PER_SAMPLE = {
    "LayerNorm": (torch_layernorm, (1, 2, 3), (0, 1, 2, 3), lambda nf: {"mult": (), "add": ()}),
    "InstanceNorm": (torch_instancenorm, (2, 3), (0, 2, 3), lambda nf: {"mults": (nf, 1, 1), "adds": (nf, 1, 1)}),
}


def expected_per_sample(name, x, w, values, eps, dtype):
    """torch's output and gradients (float64 autograd) for LayerNorm / InstanceNorm, and their bounds."""
    function, dims, param_dims, _ = PER_SAMPLE[name]
    mult_name, add_name = list(values)
    leaves = [t.double().requires_grad_() for t in (x, values[mult_name], values[add_name])]
    out = function(*leaves, eps)
    gx, gm, ga = torch.autograd.grad((out * w.double()).sum(), leaves)
    mult, add = values[mult_name].double(), values[add_name].double()
    bounds = both(batch_bounds, x, w, mult, add, dims, param_dims, eps, dtype=dtype)
    if name == "LayerNorm":
        bounds["mult"], bounds["add"] = bounds["mult"].reshape(()), bounds["add"].reshape(())
    else:
        bounds["mult"], bounds["add"] = bounds["mult"][0], bounds["add"][0]
    return {"out": out.detach(), "x": gx, "mult": gm, "add": ga}, bounds


def per_sample_args(name, nf, eps, defaults):
    args = [nf] if name == "InstanceNorm" else []
    kwargs = {} if defaults else {"eps": eps}
    return args, kwargs, (DEFAULT_EPS if defaults else eps)


def per_sample_shape(name, n, nf, h, w):
    """InstanceNorm needs more than one position per channel (torch raises otherwise): one more row then."""
    return (n, nf, h + 1, w) if name == "InstanceNorm" and h * w == 1 else (n, nf, h, w)


def check_per_sample_calls(impl, name, nf, dtype, eps, defaults, spread, seed, calls):
    """One layer, called on each (mode, shape) of `calls` in turn: output and gradients equal torch's each time."""
    __tracebackhide__ = True
    args, kwargs, eps = per_sample_args(name, nf, eps, defaults)
    values = parameters(seed, PER_SAMPLE[name][3](nf), dtype)
    inputs = script_inputs(seed, [shape for _, shape in calls], dtype, spread)
    script = [[mode, x, w] for (mode, _), (x, w) in zip(calls, inputs)]
    records = no_error(impl.run(probe.steps, name, args, kwargs, values, list(values), [], script))
    layer = describe(name, args, kwargs)
    mult_name, add_name = list(values)
    for i, ((mode, x, w), record) in enumerate(zip(script, records)):
        expected, bounds = expected_per_sample(name, x, w, values, eps, dtype)
        call = f" (call {i + 1} of {len(script)}, {mode} mode)"
        expect_rounded(record["out"], expected["out"], bounds["out"], dtype, f"{layer}(x){call}")
        expect_grads(record, expected, bounds, dtype, {mult_name: "mult", add_name: "add"}, call)


def per_sample_calls(name, nf, shapes_modes):
    return [[mode, per_sample_shape(name, n, nf, h, w)] for mode, (n, h, w) in shapes_modes]


call_shapes = st.lists(st.tuples(modes, st.tuples(batches, sides, sides)), min_size=2, max_size=3)


@exercise("LayerNorm", points=4, hint="normalise each sample over all its other dimensions (1, 2, 3) with its "
                                      "mean and biased variance, eps inside the square root, then * mult + add "
                                      "(scalars)")
@settings(max_examples=25)
@given(nf=channels, dtype=float_dtypes, eps=epses, defaults=st.booleans(), spread=spreads, seed=seeds,
       calls=call_shapes)
def test_layernorm_equals_torch(impl, nf, dtype, eps, defaults, spread, seed, calls):
    """Output and gradients (x, mult, add) equal F.layer_norm(x, x.shape[1:], eps=eps) * mult + add's, call
    after call on one layer (shapes change; batches of one; train or eval mode alike), with random mult, add."""
    check_per_sample_calls(impl, "LayerNorm", nf, dtype, eps, defaults, spread, seed,
                           per_sample_calls("LayerNorm", nf, calls))


@exercise("InstanceNorm", points=4, hint="normalise each sample's each channel over its positions (2, 3) with "
                                         "their mean and biased variance, eps inside the square root, then "
                                         "* mults + adds, of shape (nf, 1, 1)")
@settings(max_examples=25)
@given(nf=channels, dtype=float_dtypes, eps=epses, defaults=st.booleans(), spread=spreads, seed=seeds,
       calls=call_shapes)
def test_instancenorm_equals_torch(impl, nf, dtype, eps, defaults, spread, seed, calls):
    """Output and gradients (x, mults, adds) equal F.instance_norm(x, eps=eps) * mults + adds's, call after call
    on one layer (shapes change; batches of one; train or eval mode alike), with random mults, adds."""
    check_per_sample_calls(impl, "InstanceNorm", nf, dtype, eps, defaults, spread, seed,
                           per_sample_calls("InstanceNorm", nf, calls))


@exercise("LayerNorm", points=1, hint="self.mult = nn.Parameter(torch.tensor(1.)) and self.add = "
                                      "nn.Parameter(torch.tensor(0.)): one learned number each")
def test_layernorm_fresh_parameters(impl):
    """A fresh LayerNorm() has exactly the parameters mult (1.) and add (0.), one value each."""
    got = impl.run(probe.fresh, "LayerNorm", [], LN_PARAMS)
    expect_registered(got, "LayerNorm()", {"mult": torch.tensor(1.0), "add": torch.tensor(0.0)}, {}, scalar=True)


@exercise("InstanceNorm", points=1, hint="self.mults = nn.Parameter(torch.ones(nf, 1, 1)) and self.adds = "
                                         "nn.Parameter(torch.zeros(nf, 1, 1)): one per channel, shaped to broadcast "
                                         "over (N, C, H, W)")
@given(nf=channels)
def test_instancenorm_fresh_parameters(impl, nf):
    """A fresh InstanceNorm(nf) has exactly the parameters mults (ones) and adds (zeros) of shape (nf, 1, 1)."""
    got = impl.run(probe.fresh, "InstanceNorm", [nf], BN_PARAMS)
    expect_registered(got, f"InstanceNorm({nf})", {"mults": torch.ones(nf, 1, 1), "adds": torch.zeros(nf, 1, 1)},
                      {})


def gradcheck_per_sample(impl, name, nf, n, h, w, eps, seed):
    __tracebackhide__ = True
    args, kwargs, _ = per_sample_args(name, nf, eps, False)
    x = image(seed, per_sample_shape(name, n, nf, h, w), torch.float64)
    params = parameters(seed, PER_SAMPLE[name][3](nf), torch.float64)
    gradcheck_layer(impl, name, args, kwargs, "train", x, params, {}, [], describe(name, args, kwargs))


@exercise("LayerNorm", points=1, hint=GRAD_HINT)
@settings(max_examples=6)  # gradcheck calls the layer about twice per input value
@given(nf=st.integers(1, 2), n=st.integers(1, 2), h=st.integers(1, 3), w=st.integers(1, 2), eps=epses, seed=seeds)
def test_layernorm_passes_gradcheck(impl, nf, n, h, w, eps, seed):
    """In float64, LayerNorm's gradients for x, mult and add agree with gradcheck's central differences."""
    gradcheck_per_sample(impl, "LayerNorm", nf, n, h, w, eps, seed)


@exercise("InstanceNorm", points=1, hint=GRAD_HINT)
@settings(max_examples=6)  # gradcheck calls the layer about twice per input value
@given(nf=st.integers(1, 2), n=st.integers(1, 2), h=st.integers(1, 3), w=st.integers(1, 2), eps=epses, seed=seeds)
def test_instancenorm_passes_gradcheck(impl, nf, n, h, w, eps, seed):
    """In float64, InstanceNorm's gradients for x, mults and adds agree with gradcheck's central differences."""
    gradcheck_per_sample(impl, "InstanceNorm", nf, n, h, w, eps, seed)


def check_unchanged(impl, name, nf, n, h, w, dtype, seed):
    __tracebackhide__ = True
    args, kwargs, _ = per_sample_args(name, nf, 0.0, True)
    values = parameters(seed, PER_SAMPLE[name][3](nf), dtype)
    shape = per_sample_shape(name, n, nf, h, w)
    x, wts = script_inputs(seed, [shape], dtype, 1.0)[0]
    records = no_error(impl.run(probe.steps, name, args, kwargs, values, list(values), [], [["train", x, wts]],
                                False))
    expect_close(records[0]["x_after"], x, what=f"x after {describe(name, args, kwargs)}(x)", rtol=0, atol=0)


@exercise("LayerNorm", points=1, hint=UNCHANGED_HINT)
@settings(max_examples=15)
@given(nf=channels, n=batches, h=sides, w=sides, dtype=float_dtypes, seed=seeds)
def test_layernorm_leaves_x_unchanged(impl, nf, n, h, w, dtype, seed):
    """After LayerNorm()(x), x holds exactly what it held before the call."""
    check_unchanged(impl, "LayerNorm", nf, n, h, w, dtype, seed)


@exercise("InstanceNorm", points=1, hint=UNCHANGED_HINT)
@settings(max_examples=15)
@given(nf=channels, n=batches, h=sides, w=sides, dtype=float_dtypes, seed=seeds)
def test_instancenorm_leaves_x_unchanged(impl, nf, n, h, w, dtype, seed):
    """After InstanceNorm(nf)(x), x holds exactly what it held before the call."""
    check_unchanged(impl, "InstanceNorm", nf, n, h, w, dtype, seed)


def check_offset(impl, name, nf, n, h, w, dtype, eps, offset_index, seed):
    __tracebackhide__ = True
    offset = OFFSETS[dtype][offset_index]
    args, kwargs, eps = per_sample_args(name, nf, eps, False)
    values = parameters(seed, PER_SAMPLE[name][3](nf), dtype)
    shape = per_sample_shape(name, n, nf, h, w)
    x, wts = image(seed, shape, dtype, 1.0, offset), weights(seed, shape, dtype)
    records = no_error(impl.run(probe.steps, name, args, kwargs, values, list(values), [], [["train", x, wts]],
                                False))
    expected, bounds = expected_per_sample(name, x, wts, values, eps, dtype)
    expect_rounded(records[0]["out"], expected["out"], bounds["out"], dtype,
                   f"{describe(name, args, kwargs)}(x), x near {offset:g}")


@exercise("LayerNorm", points=2, hint=OFFSET_HINT)
@settings(max_examples=12)
@given(nf=channels, n=batches, h=st.integers(1, 4), w=st.integers(1, 4), dtype=float_dtypes, eps=epses,
       offset_index=st.integers(0, 1), seed=seeds)
def test_layernorm_at_large_offsets(impl, nf, n, h, w, dtype, eps, offset_index, seed):
    """With inputs around 1e4 (float32) or 1e8 (float64) and unit spread, LayerNorm's output equals
    F.layer_norm's within the two-pass rounding bounds of the module docstring."""
    check_offset(impl, "LayerNorm", nf, n, h, w, dtype, eps, offset_index, seed)


@exercise("InstanceNorm", points=2, hint=OFFSET_HINT)
@settings(max_examples=12)
@given(nf=channels, n=batches, h=st.integers(1, 4), w=st.integers(1, 4), dtype=float_dtypes, eps=epses,
       offset_index=st.integers(0, 1), seed=seeds)
def test_instancenorm_at_large_offsets(impl, nf, n, h, w, dtype, eps, offset_index, seed):
    """With inputs around 1e4 (float32) or 1e8 (float64) and unit spread, InstanceNorm's output equals
    F.instance_norm's within the two-pass rounding bounds of the module docstring."""
    check_offset(impl, "InstanceNorm", nf, n, h, w, dtype, eps, offset_index, seed)
