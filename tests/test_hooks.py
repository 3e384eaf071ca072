"""hooks: Hook, Hooks, append_stats, GeneralRelu, init_cnn, lsuv_module, HookBwd, grad_cam.

Models are small torch stacks built from plain specs by tests/probes/hooks.py's
`build`, with parameter values drawn here; the judge builds the same model in its
own process and recomputes every expected value with torch (a layer's input and
output, autograd's gradients, the contract's LSUV rounds), never taking a value
from the student's process other than the student's answer.

Whether a hook is gone is read from torch's bookkeeping (the hook dictionaries of
every module of the model, and torch's global ones) and from whether the function
is still called when the model runs again.

init_cnn is judged statistically with sound bounds: a correct init_cnn fails a
statistical test below with probability at most 1e-9 per run (FALSE_FAILURE):
Laurent and Massart's chi-square tails (P(X - n >= 2 sqrt(n x) + 2 x) <= e^-x and
P(n - X >= 2 sqrt(n x)) <= e^-x for X ~ chi2(n)), the Gaussian tail (P(|Z| >= t)
<= 2 exp(-t^2 / 2)), Hoeffding's inequality (P(|S - E S| >= t) <= 2 exp(-2 t^2 /
sum of squared ranges)) and exact binomial tails. The seeds come from hypothesis's
derandomized draws, so the same code always meets the same draws.
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from grader.testing import Mismatch, exercise, expect_close, expect_tensor, student_gradcheck
from tests.hooks_strategies import (
    cnns,
    init_specs,
    mlps,
    normal,
    parameters_for,
    scramble,
    seeds,
    sides,
)
from tests.probes import hooks as probe
from tests.strategies import float_dtypes

FALSE_FAILURE = 1e-9
NO_HOOKS = {name: 0 for name in probe.HOOK_DICTS + probe.GLOBAL_HOOK_DICTS}
# The probe's and the judge's float64 computations are the same torch operations on the same values;
# 1e-12 leaves room for a different summation order, nothing more.
SAME = {"rtol": 1e-12, "atol": 1e-12}


def name_of(dtype: torch.dtype) -> str:
    """"float32" for torch.float32: a dtype crosses to the probe by name (plain data)."""
    return str(dtype).removeprefix("torch.")


def judge_model(spec, params, dtype=torch.float64):
    """The judge's own copy of the model the probe builds (the same function, the judge's values)."""
    return probe.build(spec, [p.clone() for p in params], dtype)


def layer_values(model, x):
    """(inputs, outputs): each top-level layer's input and output when `model` runs on x."""
    inputs, outputs = [], []
    h = x
    for layer in model:
        inputs.append(h)
        h = layer(h)
        outputs.append(h)
    return inputs, outputs


def counts(**nonzero) -> dict:
    """Hook counts: zero everywhere except the given dictionaries."""
    return {**NO_HOOKS, **nonzero}


def expect_counts(got, expected: dict, when: str, hint: str | None = None) -> None:
    """The probe's hook counts (see probe.hook_counts) equal `expected`, dictionary by dictionary."""
    __tracebackhide__ = True
    if not isinstance(got, dict):
        raise Mismatch(f"no hook counts {when}: got {got!r}")
    for name, want in expected.items():
        have = got.get(name)
        if have != want:
            where = f"torch's {name}" if name.startswith("_global") else f"the model's modules' {name}"
            raise Mismatch(f"{when}, {where} hold {have} hooks; expected {want}", hint=hint)


def expect_float(value, what: str) -> float:
    """A Python float (plain data keeps a tensor a tensor: a 0-d tensor is not a float here)."""
    __tracebackhide__ = True
    if type(value) is not float:
        raise Mismatch(f"{what} should be a Python float, got {value!r}",
                       hint="turn a 0-d tensor into a Python float with .item()")
    return value


def inputs_for(seed: int, shape, count: int, dtype=torch.float64, scale: float = 1.0, offset: float = 0.0):
    return [normal(scramble(seed, 100 + i), shape, dtype, scale, offset) for i in range(count)]


def input_shape(spec, c_in_or_n_in: int, n: int, side: int = 0):
    """(n, n_in) for an MLP, (n, c_in, side, side) for a CNN."""
    return (n, c_in_or_n_in) if spec[0][0] == "linear" else (n, c_in_or_n_in, side, side)


# ==================================================================================================
# Hook
# ==================================================================================================

HOOK_CALL_HINT = ("register a forward hook on m (m.register_forward_hook) whose function receives (module, input, "
                  "output) and calls f(self, module, input, output): the Hook first, then torch's three arguments "
                  "as they are (input is the tuple of the module's positional inputs)")
REMOVE_HINT = ("keep the handle register_forward_hook returns and call its remove() in remove(): that takes this "
               "hook, and only this one, out of the module's _forward_hooks")


@exercise("Hook", points=3, hint=HOOK_CALL_HINT)
@settings(max_examples=30)
@given(net=mlps(), index=st.integers(0, 2), n=sides, passes=st.integers(2, 3), seed=seeds)
def test_hook_calls_f_with_hook_module_input_and_output(impl, net, index, n, passes, seed):
    """f is called once per forward pass with (the Hook, the module, its input tuple, its output), pass after pass."""
    spec, n_in = net
    params = parameters_for(spec, seed)
    xs = inputs_for(seed, (n, n_in), passes)
    got = impl.run(probe.hook_calls, spec, params, xs, index)
    model = judge_model(spec, params)
    records = got["records"]
    if len(records) != passes:
        raise Mismatch(f"f was called {len(records)} times during {passes} forward passes of the model; expected "
                       f"once per pass of the hooked module")
    for i, (x, record) in enumerate(zip(xs, records)):
        call = f"call {i + 1} of f (forward pass {i + 1} of {passes})"
        ins, outs = layer_values(model, x)
        if record["n_args"] != 4:
            raise Mismatch(f"{call}: f got {record['n_args']} arguments; expected 4: (hook, module, input, output)")
        if not record["is_hook"]:
            raise Mismatch(f"{call}: f's first argument is not the Hook object itself: f(hook, module, input, "
                           f"output) gets the Hook first, so that it can keep state on it")
        if not record["is_module"]:
            raise Mismatch(f"{call}: f's second argument is not the hooked module")
        if isinstance(record["input"], str) or len(record["input"]) != 1:
            raise Mismatch(f"{call}: f's third argument should be the tuple of the module's positional inputs (one "
                           f"tensor here), as torch gives it; got {record['input']!r:.200}")
        expect_close(record["input"][0], ins[index].detach(), what=f"{call}: input[0]", **SAME)
        expect_close(record["output"], outs[index].detach(), what=f"{call}: output", **SAME)
        expect_close(got["outputs"][i], outs[-1].detach(), what=f"the model's output in pass {i + 1} (the hook must "
                     f"not change it)", **SAME)


@exercise("Hook", points=2, hint=REMOVE_HINT)
@settings(max_examples=20)
@given(net=mlps(), index=st.integers(0, 2), n=sides, passes=st.integers(1, 2), seed=seeds)
def test_hook_remove_unregisters_only_its_own_hook(impl, net, index, n, passes, seed):
    """Hook(m, f) adds one forward hook to m; remove() takes out that one only, and f is not called any more.

    Another hook on the same module (the probe's own) stays and keeps firing.
    """
    spec, n_in = net
    params = parameters_for(spec, seed)
    got = impl.run(probe.hook_calls, spec, params, inputs_for(seed, (n, n_in), passes), index)
    expect_counts(got["before"], counts(_forward_hooks=1), "before Hook(m, f) (the probe's own hook on m)")
    expect_counts(got["hooked"], counts(_forward_hooks=2), "after Hook(m, f)",
                  hint="register exactly one forward hook (register_forward_hook) on m: no pre-hook, no backward "
                       "hook, no global hook")
    expect_counts(got["removed"], counts(_forward_hooks=1), "after remove()")
    if got["calls_after_remove"]:
        raise Mismatch(f"after remove(), a forward pass still called f ({got['calls_after_remove']} times)")
    if got["own_calls"] != passes + 1:
        raise Mismatch(f"the probe's own forward hook on the same module fired {got['own_calls']} times in "
                       f"{passes + 1} passes: remove() must take out this Hook's hook only, not the module's others")


@exercise("Hook", points=1, hint="remove() may be called again (by hand, then by the with block): "
                                 "RemovableHandle.remove() is harmless twice, or keep None once removed; do not "
                                 "delete the attribute")
@settings(max_examples=10)
@given(net=mlps(), index=st.integers(0, 2), n=sides, seed=seeds)
def test_hook_remove_twice_is_harmless(impl, net, index, n, seed):
    """remove() twice in a row, or remove() inside the with block and again on leaving it, raises nothing."""
    spec, n_in = net
    params = parameters_for(spec, seed)
    got = impl.run(probe.hook_removed_twice, spec, params, normal(seed, (n, n_in)), index)
    expect_counts(got["counts"], NO_HOOKS, "after removing two Hooks twice")
    if got["calls"]:
        raise Mismatch(f"after remove(), a forward pass still called f ({got['calls']} times)")


@exercise("Hook", points=2, hint="__enter__ returns self and __exit__ calls self.remove() (with the parentheses) "
                                 "and returns None, so that leaving the block removes the hook and an exception "
                                 "raised inside goes on")
@settings(max_examples=10)
@given(net=mlps(), index=st.integers(0, 2), n=sides, seed=seeds)
def test_hook_with_block_removes_it_also_on_exception(impl, net, index, n, seed):
    """Leaving `with Hook(m, f) as h` (h the Hook) removes the hook, also when an exception leaves the block.

    The exception still comes out of the block.
    """
    spec, n_in = net
    params = parameters_for(spec, seed)
    got = impl.run(probe.hook_context, spec, params, normal(seed, (n, n_in)), index)
    if not got["entered_is_hook"]:
        raise Mismatch("`with Hook(m, f) as h` did not give the Hook itself as h")
    expect_counts(got["inside"], counts(_forward_hooks=1), "inside `with Hook(m, f)`")
    if got["calls_inside"] != 1:
        raise Mismatch(f"one forward pass inside the with block called f {got['calls_inside']} times; expected 1")
    expect_counts(got["after_normal"], NO_HOOKS, "after leaving the with block")
    if not got["propagated"]:
        raise Mismatch("an exception raised inside `with Hook(m, f):` did not come out of the block: __exit__ must "
                       "not swallow it (return None, not something true)")
    expect_counts(got["after_exception"], NO_HOOKS, "after an exception left the with block")
    if got["calls_after"]:
        raise Mismatch(f"after both with blocks, a forward pass still called f ({got['calls_after']} times)")


@exercise("Hook", points=1, hint=REMOVE_HINT)
@settings(max_examples=10)
@given(net=mlps(), index=st.integers(0, 2), n=sides, seed=seeds)
def test_two_hooks_on_one_module_each_remove_their_own(impl, net, index, n, seed):
    """Two Hooks on one module: removing the first leaves the second working; removing the second leaves none."""
    spec, n_in = net
    params = parameters_for(spec, seed)
    got = impl.run(probe.two_hooks, spec, params, normal(seed, (n, n_in)), index)
    expect_counts(got["one_removed"], counts(_forward_hooks=1), "with two Hooks on one module, after the first's "
                  "remove()")
    if got["pass1"] != [0, 1]:
        raise Mismatch(f"after the first Hook's remove(), a pass called the first f {got['pass1'][0]} times and the "
                       f"second {got['pass1'][1]} times; expected 0 and 1")
    expect_counts(got["both_removed"], NO_HOOKS, "after both Hooks' remove()")
    if got["pass2"] != [0, 1]:
        raise Mismatch(f"after both remove(), a pass still called f (calls so far: {got['pass2']}; expected [0, 1])")


# ==================================================================================================
# Hooks (with the kit's Hook)
# ==================================================================================================

HOOKS_HINT = ("make one Hook(m, f) per module of ms, in order, and keep them in a list: len, indexing and "
              "iteration are the list's")


@st.composite
def hooked_layers(draw):
    """Distinct layer indices of a 3-layer model in any order, none to all three."""
    return draw(st.permutations([0, 1, 2]))[:draw(st.integers(0, 3))]


@exercise("Hooks", points=3, hint=HOOKS_HINT)
@settings(max_examples=25)
@given(net=mlps(), indices=hooked_layers(), container=st.sampled_from(["list", "sequential"]), n=sides,
       passes=st.integers(1, 2), seed=seeds)
def test_hooks_holds_one_hook_per_module_in_order(impl, net, indices, container, n, passes, seed):
    """Hooks(ms, f) holds one Hook per module, in order (len, indexing, iteration); each pass calls f per module.

    hooks[i] is ms[i]'s Hook, iteration gives the same objects in the same order, and every forward
    pass calls f once per hooked module (in the model's order), each time with that module's Hook.
    """
    spec, n_in = net
    params = parameters_for(spec, seed)
    got = impl.run(probe.hooks_scenario, spec, params, inputs_for(seed, (n, n_in), passes), indices, container)
    k = len(indices)
    given_as = "a list" if container == "list" else "an nn.Sequential"
    if got["len"] != k:
        raise Mismatch(f"len(Hooks(ms, f)) is {got['len']} for {k} modules (ms given as {given_as})")
    if got["indexed"] != list(range(k)):
        raise Mismatch(f"hooks[i] should be the Hook of ms[i]; hooks[0..{k - 1}] watch ms{got['indexed']} (-1: "
                       f"not a Hook made by Hook(m, f) for one of ms)")
    if got["iterated"] != list(range(k)) or not got["same_objects"]:
        raise Mismatch(f"iterating over Hooks gave hooks watching ms{got['iterated']}; expected the Hooks of ms "
                       f"in order, the same objects as hooks[0], hooks[1], ...")
    expect_counts(got["hooked"], counts(_forward_hooks=k), f"after Hooks(ms, f) on {k} modules")
    in_model_order = sorted(range(k), key=lambda j: indices[j])
    expected = [[j, j] for _ in range(passes) for j in in_model_order]
    if got["calls"] != expected:
        raise Mismatch(f"during {passes} passes f was called with [hook index, module index] pairs {got['calls']}; "
                       f"expected {expected}: once per hooked module per pass, with that module's Hook")


@exercise("Hooks", points=2, hint="remove() calls remove() on every Hook (a plain for loop over the list; do not "
                                  "take Hooks out of the list while iterating over it)")
@settings(max_examples=15)
@given(net=mlps(), indices=hooked_layers(), container=st.sampled_from(["list", "sequential"]), n=sides, seed=seeds)
def test_hooks_remove_removes_every_hook(impl, net, indices, container, n, seed):
    """After Hooks(ms, f).remove() (twice: harmless), no module holds a hook and a forward pass calls f no more."""
    spec, n_in = net
    params = parameters_for(spec, seed)
    got = impl.run(probe.hooks_scenario, spec, params, inputs_for(seed, (n, n_in), 1), indices, container)
    expect_counts(got["before"], NO_HOOKS, "before Hooks(ms, f)")
    expect_counts(got["removed"], NO_HOOKS, f"after Hooks(ms, f).remove() on {len(indices)} modules")
    if got["calls_after_remove"]:
        raise Mismatch(f"after remove(), a forward pass still called f ({got['calls_after_remove']} times)")


@exercise("Hooks", points=2, hint="__enter__ returns self and __exit__ calls self.remove(), whatever the exception "
                                  "arguments say, and returns None: the hooks go, the exception goes on")
@settings(max_examples=10)
@given(net=mlps(), indices=hooked_layers(), n=sides, seed=seeds)
def test_hooks_with_block_removes_all_also_on_exception(impl, net, indices, n, seed):
    """Leaving `with Hooks(ms, f) as hooks` removes every hook, also when an exception leaves the block.

    `as` gives the Hooks object itself, and the exception still comes out of the block.
    """
    spec, n_in = net
    params = parameters_for(spec, seed)
    got = impl.run(probe.hooks_context, spec, params, normal(seed, (n, n_in)), indices)
    k = len(indices)
    if not got["entered_is_hooks"]:
        raise Mismatch("`with Hooks(ms, f) as hooks` did not give the Hooks object itself")
    expect_counts(got["inside"], counts(_forward_hooks=k), f"inside `with Hooks(ms, f)` on {k} modules")
    if got["calls_inside"] != k:
        raise Mismatch(f"one pass inside the with block called f {got['calls_inside']} times; expected {k}")
    expect_counts(got["after_normal"], NO_HOOKS, "after leaving the with block")
    if not got["propagated"]:
        raise Mismatch("an exception raised inside `with Hooks(ms, f):` did not come out of the block")
    expect_counts(got["after_exception"], NO_HOOKS, "after an exception left the with block")
    if got["calls_after"]:
        raise Mismatch(f"after both with blocks, a pass still called f ({got['calls_after']} times)")


# ==================================================================================================
# append_stats (driven by the kit's Hook)
# ==================================================================================================

STATS_HINT = ("in training mode: out = outp.detach(); on the first call hook.stats = ([], []); then append "
              "out.mean() to the first list and out.std() (torch's, unbiased) to the second, as 0-d tensors")


def stats_tolerance(out: torch.Tensor) -> dict:
    """A mean or std of the output computed in its dtype, by another summation than the judge's: a sum of n terms
    rounds by at most about log2(n) eps of the sum of magnitudes; 64 eps of the largest magnitude covers n up to
    2^64 and stays far below the unbiased/biased std ratio sqrt(n / (n - 1)) for these n (<= 216 elements)."""
    eps = torch.finfo(out.dtype).eps
    return {"rtol": 64 * eps, "atol": 64 * eps * (1.0 + float(out.detach().abs().max()))}


@st.composite
def stat_models(draw):
    """(spec, x shape): an MLP or a CNN, with an input batch (of one too); every layer's output has at least 2
    elements (the unbiased std of one element is undefined)."""
    n = draw(sides)
    if draw(st.booleans()):
        spec, n_in = draw(mlps())
        sizes = [n * spec[0][2], n * spec[2][2]]
        shape = (n, n_in)
    else:
        spec, c_in = draw(cnns())
        side = draw(st.integers(2, 6))
        stride = spec[2][4]
        sizes = [n * spec[0][2] * side * side, n * spec[2][2] * math.ceil(side / stride) ** 2]
        shape = (n, c_in, side, side)
    assume(min(sizes) >= 2)
    return spec, shape


def expected_stats(spec, params, dtype, xs):
    """The judge's per-layer outputs of each pass, in the model's dtype."""
    model = judge_model(spec, params, dtype)
    with torch.no_grad():
        return [layer_values(model, x)[1] for x in xs]


def judge_stats(got, spec, params, dtype, xs, modes, what_modes):
    __tracebackhide__ = True
    outs = expected_stats(spec, params, dtype, xs)
    names = [f"layer {j} ({layer[0]})" for j, layer in enumerate(spec)]
    for p, snapshot in enumerate(got["stats"]):
        expect_close(got["outputs"][p], outs[p][-1], what=f"the model's output in pass {p + 1} (append_stats must "
                     f"not change the output)", **stats_tolerance(outs[p][-1]))
        trained = [q for q in range(p + 1) if modes[q] == "train"]
        for j, stats in enumerate(snapshot):
            when = f"{names[j]}'s hook.stats after pass {p + 1} ({what_modes(p)})"
            if not trained:
                if stats is None or stats == [[], []]:
                    continue
                raise Mismatch(f"{when}: expected nothing recorded (no training pass yet), got {stats!r:.300}")
            if stats is None:
                raise Mismatch(f"{when}: hook.stats was never set", hint=STATS_HINT)
            if isinstance(stats, str):
                raise Mismatch(f"{when} should be (means, stds), two lists; it is {stats}", hint=STATS_HINT)
            means, stds = stats
            if len(means) != len(trained) or len(stds) != len(trained):
                raise Mismatch(f"{when}: {len(means)} means and {len(stds)} stds recorded; expected one of each per "
                               f"training pass ({len(trained)}), none in eval mode, nothing ever overwritten")
            for k, q in enumerate(trained):
                out = outs[q][j]
                tol = stats_tolerance(out)
                expect_close(means[k], out.mean(), what=f"{when}: means[{k}] (of pass {q + 1})", **tol)
                expect_close(stds[k], out.std(), what=f"{when}: stds[{k}] (of pass {q + 1}; torch's unbiased std)",
                             **tol)


@exercise("append_stats", points=4, hint=STATS_HINT)
@settings(max_examples=25)
@given(model=stat_models(), dtype=float_dtypes, passes=st.integers(1, 3), offset=st.sampled_from([0.0, 3.0]),
       seed=seeds)
def test_append_stats_records_mean_and_std_of_each_training_pass(impl, model, dtype, passes, offset, seed):
    """Each training pass appends the output's mean and unbiased std (0-d tensors) to hook.stats, every layer.

    hook.stats = (means, stds), the entries in the output's dtype, judged after every pass against the
    judge's own recomputation of each layer's output.
    """
    spec, shape = model
    params = parameters_for(spec, seed, dtype)
    xs = inputs_for(seed, shape, passes, dtype, offset=offset)
    modes = ["train"] * passes
    got = impl.run(probe.append_stats, spec, params, name_of(dtype), xs, modes)
    judge_stats(got, spec, params, dtype, xs, modes, lambda p: "training mode")


@st.composite
def mixed_modes(draw):
    """2 to 4 passes' modes, at least one of them eval, anywhere (first, between, last)."""
    modes = draw(st.lists(st.sampled_from(["train", "eval"]), min_size=2, max_size=4))
    modes[draw(st.integers(0, len(modes) - 1))] = "eval"
    return modes


@exercise("append_stats", points=2, hint="check mod.training (the module's mode, which model.train() and "
                                         "model.eval() set) and return without recording when it is False")
@settings(max_examples=20)
@given(model=stat_models(), dtype=float_dtypes, modes=mixed_modes(), seed=seeds)
def test_append_stats_records_nothing_in_eval_mode(impl, model, dtype, modes, seed):
    """Passes in eval mode (autograd on) append nothing, before, between and after training passes."""
    spec, shape = model
    params = parameters_for(spec, seed, dtype)
    xs = inputs_for(seed, shape, len(modes), dtype)
    got = impl.run(probe.append_stats, spec, params, name_of(dtype), xs, modes)
    judge_stats(got, spec, params, dtype, xs, modes, lambda p: f"modes so far: {', '.join(modes[:p + 1])}")


@exercise("append_stats", points=1, hint="take the statistics of outp.detach(): a mean of the output itself keeps "
                                         "the whole graph of the forward pass alive, batch after batch")
@settings(max_examples=10)
@given(model=stat_models(), passes=st.integers(1, 2), seed=seeds)
def test_append_stats_keeps_no_graph(impl, model, passes, seed):
    """The recorded means and stds are detached: they neither require grad nor carry a grad_fn."""
    spec, shape = model
    params = parameters_for(spec, seed)
    got = impl.run(probe.append_stats, spec, params, "float64", inputs_for(seed, shape, passes),
                   ["train"] * passes)
    if any(s is None for s in got["stats"][-1]):
        raise Mismatch("hook.stats was not set by a training pass", hint=STATS_HINT)
    if got["attached"]:
        raise Mismatch("a recorded mean or std requires grad (it was computed from the output itself, not from "
                       "outp.detach())")


# ==================================================================================================
# GeneralRelu
# ==================================================================================================

GENERAL_RELU_HINT = ("in this order: F.leaky_relu(x, leak) (F.relu(x) when leak is None), then subtract sub, then "
                     "clamp_max(maxv); test `is not None`, since 0.0 is a value too")
leaks = st.one_of(st.none(), st.sampled_from([0.0, 0.01, 0.1, 0.3]))
subs = st.one_of(st.none(), st.sampled_from([0.0, 0.4, 0.5, -0.25]))
maxvs = st.one_of(st.none(), st.sampled_from([0.0, 0.5, 1.0, 6.0]))


@st.composite
def relu_inputs(draw, count=2, max_side=5):
    """`count` (x, w) pairs of one dtype, shapes of rank 1 to 4 (each its own), x with exact zeros mixed in
    (the kink), magnitudes ordinary, tiny and large."""
    dtype, seed, scale = draw(float_dtypes), draw(seeds), draw(st.sampled_from([1.0, 1e-3, 1e3]))
    pairs = []
    for i in range(count):
        shape = tuple(draw(st.lists(st.integers(1, max_side), min_size=1, max_size=4)))
        x = normal(scramble(seed, 2 * i), shape, torch.float64, 2.0)
        x = torch.where(normal(scramble(seed, 50 + i), shape) > 1.0, torch.zeros_like(x), x)
        pairs.append(((x * scale).to(dtype), normal(scramble(seed, 2 * i + 1), shape, dtype)))
    return pairs


def reference_general_relu(x, leak, sub, maxv):
    out = F.leaky_relu(x, leak) if leak is not None else F.relu(x)
    if sub is not None:
        out = out - sub
    if maxv is not None:
        out = out.clamp_max(maxv)
    return out


def describe(leak, sub, maxv) -> str:
    return f"GeneralRelu(leak={leak}, sub={sub}, maxv={maxv})"


def relu_tolerance(dtype, sub) -> dict:
    """One rounding of the product x * leak and one of the subtraction: 2 eps relative, and 2 eps of |sub| where
    out is near 0 after subtracting sub."""
    eps = torch.finfo(dtype).eps
    return {"rtol": 2 * eps, "atol": 2 * eps * abs(sub or 0.0)}


@exercise("GeneralRelu", points=4, hint=GENERAL_RELU_HINT)
@settings(max_examples=80)
@given(leak=leaks, sub=subs, maxv=maxvs, pairs=relu_inputs())
def test_general_relu_equals_leaky_relu_minus_sub_clamped(impl, leak, sub, maxv, pairs):
    """GeneralRelu(leak, sub, maxv)(x) = min(leaky_relu(x, leak) - sub, maxv), every option on and off.

    In x's dtype and shape, options of 0.0 included, on one layer called twice.
    """
    xs, ws = [x for x, _ in pairs], [w for _, w in pairs]
    got = impl.run(probe.general_relu, leak, sub, maxv, xs, ws)
    for i, (x, result) in enumerate(zip(xs, got)):
        expect_close(result["out"], reference_general_relu(x, leak, sub, maxv),
                     what=f"{describe(leak, sub, maxv)}(x), call {i + 1} of 2", **relu_tolerance(x.dtype, sub))


def slopes(x, leak, sub, maxv):
    """The one-sided derivatives of the contract's function at x (2 or 4 candidates): all equal away from its
    kinks (x = 0, and leaky_relu(x) - sub = maxv)."""
    low = torch.full_like(x, 0.0 if leak is None else leak)
    one = torch.ones_like(x)
    sides_of_zero = [torch.where(x > 0, one, low), torch.where(x >= 0, one, low)]
    if maxv is None:
        return sides_of_zero
    y = reference_general_relu(x, leak, sub, None)
    return [torch.where(y < maxv, s, torch.where(y > maxv, torch.zeros_like(s), c * s))
            for s in sides_of_zero for c in (0.0, 1.0)]


@exercise("GeneralRelu", points=2, hint="build the output from differentiable torch operations (F.leaky_relu, "
                                        "subtraction, clamp_max), so autograd gives 1 / leak / 0 piece by piece")
@settings(max_examples=40)
@given(leak=leaks, sub=subs, maxv=maxvs, pairs=relu_inputs())
def test_general_relu_gradient_equals_autograd(impl, leak, sub, maxv, pairs):
    """d sum(GeneralRelu(...)(x) * w) / dx is w times 1 (x > 0), leak (x < 0; 0 for relu), 0 where clamped.

    At a kink anything between the one-sided values is accepted.
    """
    xs, ws = [x for x, _ in pairs], [w for _, w in pairs]
    got = impl.run(probe.general_relu, leak, sub, maxv, xs, ws)
    for i, ((x, w), result) in enumerate(zip(pairs, got)):
        what = f"d sum({describe(leak, sub, maxv)}(x) * w) / dx, call {i + 1} of 2"
        grad = expect_tensor(result["grad"], what=f"{what} (is the output a differentiable tensor of x's shape?)",
                             shape=x.shape, dtype=x.dtype)
        candidates = torch.stack([w * s for s in slopes(x, leak, sub, maxv)])
        eps = torch.finfo(x.dtype).eps
        # At a kink any value between the one-sided ones will do (torch.minimum, for one, splits a tie in halves).
        low, high = candidates.amin(0), candidates.amax(0)
        slack = 2 * eps * candidates.abs().amax(0)
        ok = (low - slack <= grad) & (grad <= high + slack)
        if not ok.all():
            leaf = x.detach().clone().requires_grad_()
            (expected,) = torch.autograd.grad((reference_general_relu(leaf, leak, sub, maxv) * w).sum(), leaf)
            expect_close(grad, torch.where(ok, grad, expected), what=what, rtol=2 * eps, atol=0)


@exercise("GeneralRelu", points=1, hint="every step must be a torch operation autograd can follow: no .detach(), "
                                        ".item() or numpy in between")
@settings(max_examples=8)
@given(leak=leaks, sub=subs, maxv=maxvs, seed=seeds, shape=st.lists(st.integers(1, 3), min_size=1, max_size=2))
def test_general_relu_passes_gradcheck(impl, leak, sub, maxv, seed, shape):
    """In float64 and away from the kinks, the gradient agrees with gradcheck's finite differences of the output."""
    x = normal(seed, shape, torch.float64, 2.0)
    assume(bool((x.abs() > 1e-3).all()))
    if maxv is not None:
        assume(bool(((reference_general_relu(x, leak, sub, None) - maxv).abs() > 1e-3).all()))

    def forward(inp):
        (result,) = impl.run(probe.general_relu, leak, sub, maxv, [inp], [torch.ones_like(inp)])
        return expect_tensor(result["out"], what=f"{describe(leak, sub, maxv)}(x)", shape=inp.shape)

    def backward(inp, g):
        (result,) = impl.run(probe.general_relu, leak, sub, maxv, [inp], [g])
        return [expect_tensor(result["grad"], what="the gradient", shape=inp.shape)]

    student_gradcheck(forward, backward, (x,), describe(leak, sub, maxv))


@exercise("GeneralRelu", points=1, hint="compute into new tensors: F.relu(x, inplace=True), x.relu_(), x.sub_(...) "
                                        "or x -= sub write into the caller's x, which the network still needs")
@settings(max_examples=30)
@given(leak=leaks, sub=subs, maxv=maxvs, pairs=relu_inputs())
def test_general_relu_leaves_its_input_unchanged(impl, leak, sub, maxv, pairs):
    """GeneralRelu(...)(x) returns a new tensor: x itself is left as it was."""
    xs, ws = [x for x, _ in pairs], [w for _, w in pairs]
    got = impl.run(probe.general_relu, leak, sub, maxv, xs, ws)
    for i, (x, result) in enumerate(zip(xs, got)):
        expect_close(result["input_after"], x, what=f"x after {describe(leak, sub, maxv)}(x), call {i + 1}",
                     rtol=0, atol=0)


# ==================================================================================================
# init_cnn
# ==================================================================================================

INIT_HINT = ("loop over m.modules() (m itself and everything nested in it); for each nn.Conv2d or nn.Linear: "
             "nn.init.kaiming_normal_(weight, a=0.1) (kaiming_uniform_ when uniform) and, if it has a bias, "
             "nn.init.zeros_(bias)")
A = 0.1
GAIN = math.sqrt(2.0 / (1 + A * A))  # torch's leaky_relu gain for negative slope a
NORMAL_TAIL = math.erfc(math.sqrt(1.5))  # P(|Z| > sqrt(3)) for a standard normal Z


def binomial_interval(n: int, p: float, alpha: float) -> tuple[int, int]:
    """[lo, hi] holding a Binomial(n, p) count except with probability at most alpha (exact tails)."""
    k = torch.arange(n + 1, dtype=torch.float64)
    log_pmf = (math.lgamma(n + 1) - torch.lgamma(k + 1) - torch.lgamma(n - k + 1)
               + k * math.log(p) + (n - k) * math.log1p(-p))
    pmf = log_pmf.exp()
    below = torch.cumsum(pmf, 0) - pmf
    above = torch.flip(torch.cumsum(torch.flip(pmf, [0]), 0), [0]) - pmf
    return int((below <= alpha / 2).nonzero().max()), int((above <= alpha / 2).nonzero().min())


def hoeffding_margin(squared_ranges: float, alpha: float) -> float:
    """t with 2 exp(-2 t^2 / squared_ranges) = alpha."""
    return math.sqrt(math.log(2 / alpha) * squared_ranges / 2)


def fan_in(shape) -> int:
    return math.prod(shape[1:])


def init_export(impl, spec, seed, uniform, calls=1):
    """The probe's exports after init_cnn, and the prefilled values the judge sent (normal, mean 5)."""
    params = parameters_for(spec, seed, torch.float32)
    prefill = [p + 5.0 for p in params]  # far from any init: an untouched weight cannot pass for one
    exports = impl.run(probe.init_cnn, spec, prefill, uniform, [seed + i for i in range(calls)])
    return exports, prefill


def kinds_and_values(spec, values):
    """The judge's export of the model holding `values` (the layout the probe's export must have)."""
    return probe.export_layers(probe.build(spec, values, torch.float32))


def expect_layout(export, expected, call) -> None:
    __tracebackhide__ = True
    if [layer["kind"] for layer in export] != [layer["kind"] for layer in expected]:
        raise Mismatch(f"{call}: the model's layers are {[layer['kind'] for layer in export]}; expected "
                       f"{[layer['kind'] for layer in expected]} (init_cnn must not add or remove layers)")


def standardised_weights(export, expected, kinds, uniform):
    """The weights of the layers of `kinds`, each divided by its contract scale: the std gain / sqrt(fan_in)
    (normal) or the bound gain * sqrt(3 / fan_in) (uniform), fan_in from the judge's own model (`expected`, its
    export); flattened and joined, float64."""
    parts = []
    for layer, own in zip(export, expected):
        if own["kind"] in kinds:
            shape = own["weight"].shape
            w = expect_tensor(layer.get("weight"), what=f"a {own['kind']}'s weight", shape=shape, dtype=torch.float32)
            scale = GAIN * math.sqrt((3.0 if uniform else 1.0) / fan_in(shape))
            parts.append(w.double().reshape(-1) / scale)
    return torch.cat(parts) if parts else torch.zeros(0, dtype=torch.float64)


def judge_normal(z: torch.Tensor, what: str, alpha: float) -> None:
    """z: weights divided by the contract's std, iid standard normal for a correct init. Four checks, each
    failing a correct init with probability at most alpha / 4: the sum of squares (chi-square, both tails,
    Laurent-Massart), the mean (Gaussian tail), the fraction beyond sqrt(3) (exact binomial; a uniform of the same
    variance has none)."""
    __tracebackhide__ = True
    n = z.numel()
    x = math.log(4 / alpha)
    squares = float((z * z).sum())
    high, low = n + 2 * math.sqrt(n * x) + 2 * x, n - 2 * math.sqrt(n * x)
    if not low <= squares <= high:
        ratio = squares / n
        raise Mismatch(f"{what}: the {n} weights have variance {ratio:.5f} times gain^2 / fan_in (gain = "
                       f"sqrt(2 / (1 + 0.1^2)), fan_in = in_channels * kernel area); a correct kaiming_normal_(a=0.1) "
                       f"gives between {low / n:.5f} and {high / n:.5f} except once in 10^9 runs")
    t = math.sqrt(2 * math.log(8 / alpha))
    mean = float(z.sum()) / math.sqrt(n)
    if abs(mean) > t:
        raise Mismatch(f"{what}: the weights' mean is {mean / math.sqrt(n):.4g} standard deviations from 0; a correct "
                       f"init strays further than {t / math.sqrt(n):.4g} once in 10^9 runs")
    beyond = int((z.abs() > math.sqrt(3)).sum())
    lo, hi = binomial_interval(n, NORMAL_TAIL, alpha / 4)
    if not lo <= beyond <= hi:
        raise Mismatch(f"{what}: {beyond} of {n} weights lie beyond sqrt(3) standard deviations; normal weights put "
                       f"between {lo} and {hi} there (expected {n * NORMAL_TAIL:.0f}) except once in 10^9 runs: the "
                       f"weights are not normal (uniform when uniform=False?)")


def judge_uniform(u: torch.Tensor, what: str, alpha: float) -> None:
    """u: weights divided by the contract's bound, iid uniform on [-1, 1] for a correct init: none beyond 1
    (up to float32's rounding of the bound); the mean of u^2 (1/3) and of u (0) within Hoeffding's margins and
    the count beyond 1/2 within the exact Binomial(n, 1/2) interval, each failing with probability alpha / 3."""
    __tracebackhide__ = True
    n = u.numel()
    largest = float(u.abs().max()) if n else 0.0
    if largest > 1 + 2 ** -22:
        raise Mismatch(f"{what}: a weight is {largest:.6f} times the bound gain * sqrt(3 / fan_in) (gain = sqrt(2 / "
                       f"(1 + 0.1^2))); kaiming_uniform_(a=0.1) stays within it")
    squares = float((u * u).sum())
    margin = hoeffding_margin(n, alpha / 3)
    if abs(squares - n / 3) > margin:
        raise Mismatch(f"{what}: mean of (weight / bound)^2 is {squares / n:.5f}; uniform weights give 1/3 +- "
                       f"{margin / n:.5f} except once in 10^9 runs")
    total, margin = float(u.sum()), hoeffding_margin(4 * n, alpha / 3)
    if abs(total) > margin:
        raise Mismatch(f"{what}: mean of weight / bound is {total / n:.5f}; a uniform init gives 0 +- {margin / n:.5f}")
    beyond = int((u.abs() > 0.5).sum())
    lo, hi = binomial_interval(n, 0.5, alpha / 3)
    if not lo <= beyond <= hi:
        raise Mismatch(f"{what}: {beyond} of {n} weights lie beyond half the bound; uniform weights put between {lo} "
                       f"and {hi} there except once in 10^9 runs: the weights are not uniform")


@exercise("init_cnn", points=3, hint=INIT_HINT)
@settings(max_examples=30)
@given(spec=init_specs(), uniform=st.booleans(), seed=seeds)
def test_init_cnn_reinitialises_every_conv_and_linear_and_nothing_else(impl, spec, uniform, seed):
    """Every Conv2d and Linear (nested, and m itself) gets a new weight and a zero bias; other layers stay as they were.

    On each of two calls; BatchNorm2d and LayerNorm parameters are compared exactly with what they held.
    """
    exports, prefill = init_export(impl, spec, seed, uniform, calls=2)
    before = kinds_and_values(spec, prefill)
    for c, export in enumerate(exports):
        call = f"after call {c + 1} of init_cnn(m{', uniform=True' if uniform else ''})"
        expect_layout(export, before, call)
        for i, (layer, old) in enumerate(zip(export, before)):
            name = f"{call}: layer {i} ({layer['kind']}, in m.modules() order)"
            if layer["kind"] in ("Conv2d", "Linear"):
                w = expect_tensor(layer["weight"], what=f"{name}: weight", shape=old["weight"].shape,
                                  dtype=torch.float32)
                if torch.equal(w, old["weight"]):
                    raise Mismatch(f"{name}: the weight was not initialised (it holds what it held before)")
                if c and torch.equal(w, exports[0][i]["weight"]):
                    raise Mismatch(f"{name}: the second call left the weight as the first call made it")
                if "bias" in old:
                    expect_close(layer.get("bias"), torch.zeros_like(old["bias"]), what=f"{name}: bias", rtol=0,
                                 atol=0)
            else:
                for key in old:
                    if key != "kind":
                        expect_close(layer.get(key), old[key], what=f"{name}: {key} (only Conv2d and Linear layers "
                                     f"are initialised)", rtol=0, atol=0)


def judge_kind(impl, spec, seed, kinds, uniform, what):
    """init_cnn on the model of `spec`; the weights of `kinds` judged as kaiming normal / uniform with a = 0.1."""
    __tracebackhide__ = True
    exports, prefill = init_export(impl, spec, seed, uniform)
    expected = kinds_and_values(spec, prefill)
    expect_layout(exports[0], expected, "after init_cnn")
    z = standardised_weights(exports[0], expected, kinds, uniform)
    (judge_uniform if uniform else judge_normal)(z, what, FALSE_FAILURE)


@exercise("init_cnn", points=3, hint=INIT_HINT)
@settings(max_examples=20)
@given(spec=init_specs("conv"), uniform=st.booleans(), seed=seeds)
def test_init_cnn_conv_weights_have_kaimings_spread(impl, spec, uniform, seed):
    """Conv2d weights are kaiming normal / uniform with a = 0.1: the spread is gain / sqrt(fan_in) (1 in 10^9 fails).

    Each weight divided by its std gain / sqrt(fan_in) (normal; gain = sqrt(2 / (1 + 0.1^2)), fan_in =
    in_channels * kh * kw) or bound gain * sqrt(3 / fan_in) (uniform) is standard normal / uniform on
    [-1, 1]; the bounds (see judge_normal, judge_uniform) fail a correct init once in 10^9 runs.
    """
    judge_kind(impl, spec, seed, ("Conv2d",), uniform, f"the Conv2d weights after init_cnn(m, uniform={uniform})")


@exercise("init_cnn", points=3, hint=INIT_HINT)
@settings(max_examples=20)
@given(spec=init_specs("linear"), uniform=st.booleans(), seed=seeds)
def test_init_cnn_linear_weights_have_kaimings_spread(impl, spec, uniform, seed):
    """Linear weights are kaiming normal / uniform with a = 0.1: the spread is gain / sqrt(fan_in) (1 in 10^9 fails).

    Each weight divided by its std gain / sqrt(in_features) (normal) or bound gain * sqrt(3 /
    in_features) (uniform) is standard normal / uniform on [-1, 1].
    """
    judge_kind(impl, spec, seed, ("Linear",), uniform, f"the Linear weights after init_cnn(m, uniform={uniform})")


# A Linear and a Conv2d of about 3.9 million weights together: a=0 instead of 0.1 makes the variance 1.01 times
# the contract's, while the chi-square bound at this n allows 1.0046 at most (see judge_normal).
LARGE_SPEC = [["linear", 2048, 1536, True], ["conv", 128, 256, 5, 1, True]]


@exercise("init_cnn", points=2, hint="pass a=0.1 to kaiming_normal_ / kaiming_uniform_ (the default a=0 is for "
                                     "relu; nonlinearity='relu' would ignore a): the gain is sqrt(2 / (1 + a^2))")
@settings(max_examples=2)
@given(seed=seeds)
def test_init_cnn_uses_leaky_relus_gain_with_a_0_1(impl, seed):
    """On large layers the variance is leaky relu's 2 / (1 + 0.1^2) / fan_in, not a = 0's 2 / fan_in (fails 1 in 10^9).
    """
    params = [torch.zeros(shape) for shape in probe.parameter_shapes(LARGE_SPEC)]
    (export,) = impl.run(probe.init_cnn, LARGE_SPEC, params, False, [seed])
    expected = kinds_and_values(LARGE_SPEC, params)
    expect_layout(export, expected, "after init_cnn")
    z = standardised_weights(export, expected, ("Conv2d", "Linear"), False)
    judge_normal(z, "the weights of a Linear(2048, 1536) and a Conv2d(128, 256, 5) after init_cnn(m)",
                 FALSE_FAILURE)


# ==================================================================================================
# lsuv_module (with the kit's Hook)
# ==================================================================================================

LSUV_HINT = ("watch m's output with a Hook; under torch.no_grad(): run model(xb); while |mean| > tol (10 rounds at "
             "most) m.bias -= mean and run again; then while |std - 1| > tol (10 rounds at most) m.weight /= std and "
             "run again; remove the hook; return the last (mean, std) as floats")
# Margins at which the judge's and a correct student's stopping tests could disagree, from computing a mean or a
# std by another summation order (a few roundings in the dtype, over at most 10 rounds): examples whose values
# come this close to tol are skipped.
DECISION_MARGIN = {torch.float64: 1e-9, torch.float32: 1e-4}


def lsuv_rounds(layer, inp, tol):
    """The contract's rounds, on the judge's copy of m (changed in place). Returns the last (mean, std) and the
    smallest distance between a tested value and tol (0 where a std was 0 or a value not finite: a constant
    output, whose std the contract would divide by, is outside its domain)."""
    closest = math.inf

    def stats():
        nonlocal closest
        out = layer(inp)
        mean, std = out.mean().item(), out.std().item()
        if not (math.isfinite(mean) and math.isfinite(std) and std > 0):
            closest = 0.0
        return mean, std

    with torch.no_grad():
        mean, std = stats()
        for _ in range(10):
            closest = min(closest, abs(abs(mean) - tol))
            if abs(mean) <= tol:
                break
            layer.bias -= mean
            mean, std = stats()
        for _ in range(10):
            closest = min(closest, abs(abs(std - 1) - tol))
            if abs(std - 1) <= tol:
                break
            layer.weight /= std
            mean, std = stats()
    return (mean, std), closest


@st.composite
def lsuv_cases(draw, dtype=None):
    """(spec, params, dtype, xb, index, tol): an MLP or a CNN, m one of its layers with a bias, xb a batch off
    centre; weights scaled up to 5 and biases spread (which makes the std converge slowly: more rounds)."""
    dtype = dtype or draw(float_dtypes)
    seed = draw(seeds)
    n = draw(st.integers(2, 6))
    if draw(st.booleans()):
        spec, n_in = draw(mlps())
        shape = (n, n_in)
    else:
        spec, c_in = draw(cnns())
        shape = (n, c_in, draw(st.integers(2, 5)), draw(st.integers(2, 5)))
    candidates = [i for i, layer in enumerate(spec) if layer[0] in ("linear", "conv") and layer[-1] is True]
    index = draw(st.sampled_from(candidates))
    params = parameters_for(spec, seed, dtype, scale=draw(st.sampled_from([1.0, 5.0])),
                            bias_scale=draw(st.sampled_from([0.1, 1.0, 3.0])))
    xb = normal(scramble(seed, 7), shape, dtype, 1.0, draw(st.sampled_from([0.0, 2.0])))
    tols = [None, 1e-1, 1e-2, 1e-3] + ([1e-6] if dtype == torch.float64 else [])
    return spec, params, dtype, xb, index, draw(st.sampled_from(tols))


def lsuv_tolerance(dtype, scale: float = 1.0) -> dict:
    """float64: the same operations in another order, 1e-10 after up to 20 rounds; float32: 1e-4, the same."""
    t = 1e-10 if dtype == torch.float64 else 1e-4
    return {"rtol": t, "atol": t * scale}


@exercise("lsuv_module", points=5, hint=LSUV_HINT)
@settings(max_examples=40)
@given(case=lsuv_cases())
def test_lsuv_module_runs_the_contracts_rounds(impl, case):
    """lsuv_module, called twice, leaves m's weight and bias as the contract's rounds do, and returns their (mean, std).

    The rounds: bias first, then weight, at most 10 each, torch's unbiased std (replayed by the judge on its
    own copy); the returned floats are the mean and std of m's output on xb with the final weight and bias.
    """
    spec, params, dtype, xb, index, tol = case
    model = judge_model(spec, params, dtype)
    layer = model[index]
    with torch.no_grad():
        inp = model[:index](xb)
    first, closest1 = lsuv_rounds(layer, inp, 1e-3 if tol is None else tol)
    after_first = [p.detach().clone() for p in model.parameters()]
    second, closest2 = lsuv_rounds(layer, inp, 1e-3 if tol is None else tol)
    assume(min(closest1, closest2) > DECISION_MARGIN[dtype])
    after_second = [p.detach().clone() for p in model.parameters()]
    got = impl.run(probe.lsuv_module, spec, params, name_of(dtype), xb, index, tol, 2)
    names = [f"{layer_name}" for layer_name, _ in model.named_parameters()]
    for c, (result, expected_params) in enumerate(zip(got, (after_first, after_second))):
        call = f"call {c + 1} of lsuv_module(model, model[{index}], xb, tol={tol or 1e-3})"
        for name, have, want in zip(names, result["params"], expected_params):
            expect_close(have, want, what=f"{name} after {call}", **lsuv_tolerance(dtype, float(want.abs().max())))
        returned = result["returned"]
        if not isinstance(returned, list) or len(returned) != 2:
            raise Mismatch(f"{call} returned {returned!r:.200}; expected (mean, std), two floats", hint=LSUV_HINT)
        mean, std = (expect_float(v, f"the {what} returned by {call}") for v, what in zip(returned, ("mean", "std")))
        check = probe.build(spec, result["params"], dtype)[index]  # m with the values lsuv_module left in it
        with torch.no_grad():
            out = check(inp)
        tol_stats = lsuv_tolerance(dtype, 1.0 + float(out.abs().max()))
        expect_close(torch.tensor([mean, std], dtype=torch.float64),
                     torch.tensor([out.mean().item(), out.std().item()], dtype=torch.float64),
                     what=f"(mean, std) returned by {call}, against m's output on xb with m's final weight and bias",
                     **tol_stats)


@exercise("lsuv_module", points=2, hint="watch m with `with Hook(m, f):` (or remove the hook in a finally): the "
                                        "model must keep no hook; change only m.weight and m.bias, and never xb")
@settings(max_examples=20)
@given(case=lsuv_cases())
def test_lsuv_module_leaves_no_hook_and_the_rest_unchanged(impl, case):
    """After each of two calls the model holds no hook, xb is as it was, and every parameter but m's is unchanged."""
    spec, params, dtype, xb, index, tol = case
    got = impl.run(probe.lsuv_module, spec, params, name_of(dtype), xb, index, tol, 2)
    model = judge_model(spec, params, dtype)
    owned = {id(p) for p in model[index].parameters()}
    for c, result in enumerate(got):
        call = f"call {c + 1} of lsuv_module(model, model[{index}], xb)"
        expect_counts(result["counts"], NO_HOOKS, f"after {call}")
        expect_close(result["xb_after"], xb, what=f"xb after {call}", rtol=0, atol=0)
        for (name, p), have in zip(model.named_parameters(), result["params"]):
            if id(p) not in owned:
                expect_close(have, p.detach(), what=f"{name} after {call} (only m's parameters change)", rtol=0,
                             atol=0)


@exercise("lsuv_module", points=1, hint="test before each fix: while |mean| > tol, while |std - 1| > tol; a layer "
                                        "already standardised needs no round")
@settings(max_examples=15)
@given(case=lsuv_cases(torch.float64))
def test_lsuv_module_on_a_standardised_layer_changes_nothing(impl, case):
    """On a layer already standardised within tol, lsuv_module changes nothing and returns its output's (mean, std)."""
    spec, params, dtype, xb, index, tol = case
    model = judge_model(spec, params, dtype)
    layer = model[index]
    with torch.no_grad():
        inp = model[:index](xb)
        out = layer(inp)
        mean, std = out.mean(), out.std()
        assume(float(std) > 1e-6)  # a constant output cannot be standardised
        layer.weight /= std   # (W x + b - mean) / std: mean 0 and std 1 up to rounding
        layer.bias -= mean
        layer.bias /= std
        out = layer(inp)
    standardised = [p.detach().clone() for p in model.parameters()]
    got = impl.run(probe.lsuv_module, spec, standardised, name_of(dtype), xb, index, tol, 1)
    (result,) = got
    for (name, _), have, want in zip(model.named_parameters(), result["params"], standardised):
        expect_close(have, want, what=f"{name} after lsuv_module on an already standardised layer", rtol=0, atol=0)
    returned = result["returned"]
    if not isinstance(returned, list) or len(returned) != 2:
        raise Mismatch(f"lsuv_module returned {returned!r:.200}; expected (mean, std), two floats", hint=LSUV_HINT)
    got_stats = [expect_float(v, f"the {what} returned") for v, what in zip(returned, ("mean", "std"))]
    expect_close(torch.tensor(got_stats, dtype=torch.float64),
                 torch.tensor([out.mean().item(), out.std().item()], dtype=torch.float64),
                 what="(mean, std) returned for an already standardised layer", **SAME)


# ==================================================================================================
# HookBwd
# ==================================================================================================

HOOKBWD_HINT = ("register m.register_full_backward_hook(f): f(module, grad_input, grad_output) is called during "
                "backward; store grad_output[0].detach() (the gradient of m's output), not grad_input")


@st.composite
def hookbwd_cases(draw):
    spec, n_in = draw(mlps())
    n, seed = draw(sides), draw(seeds)
    params = parameters_for(spec, seed)
    x = normal(scramble(seed, 3), (n, n_in))
    n_out = spec[-1][2]
    ws = inputs_for(seed, (n, n_out), draw(st.integers(2, 3)))
    return spec, params, x, draw(st.integers(0, 2)), ws


def output_gradients(spec, params, x, index, ws):
    model = judge_model(spec, params)
    grads = []
    for w in ws:
        leaf = x.clone().requires_grad_()
        ins, outs = layer_values(model, leaf)
        (g,) = torch.autograd.grad((outs[-1] * w).sum(), outs[index])
        grads.append(g)
    return grads


@exercise("HookBwd", points=3, hint=HOOKBWD_HINT)
@settings(max_examples=30)
@given(case=hookbwd_cases())
def test_hookbwd_stores_the_gradient_of_the_modules_output(impl, case):
    """.stored is the gradient of the hooked module's output (torch.autograd.grad's) after each backward pass.

    Two or three backward passes of sum(model(x) * w), a new w each time.
    """
    spec, params, x, index, ws = case
    got = impl.run(probe.hookbwd, spec, params, x, index, ws)
    for i, (stored, expected) in enumerate(zip(got["stored"], output_gradients(spec, params, x, index, ws))):
        expect_close(stored, expected, what=f"HookBwd(model[{index}]).stored after backward pass {i + 1} of "
                     f"{len(ws)}", **SAME)


@exercise("HookBwd", points=1, hint="store grad_output[0].detach() (clone it too): a gradient computed with "
                                    "create_graph=True carries a graph that stored would keep alive")
@settings(max_examples=10)
@given(case=hookbwd_cases())
def test_hookbwd_stores_a_detached_gradient(impl, case):
    """.stored never requires grad, even after a backward pass with create_graph=True."""
    spec, params, x, index, ws = case
    got = impl.run(probe.hookbwd, spec, params, x, index, ws)
    for i, attached in enumerate(got["attached"]):
        if attached:
            raise Mismatch(f".stored requires grad after backward pass {i + 1}"
                           f"{' (with create_graph=True)' if i == len(ws) - 1 else ''}: it is not detached")


@exercise("HookBwd", points=2, hint="keep the handle of the backward hook and call its remove() in remove(); "
                                    "__exit__ calls self.remove() and returns None")
@settings(max_examples=15)
@given(case=hookbwd_cases())
def test_hookbwd_is_removed_on_leaving_the_with_block(impl, case):
    """Leaving `with HookBwd(m) as h` removes the hook (.stored stays put after), also when an exception leaves it.

    `as` gives the HookBwd itself, and the exception still comes out of the block.
    """
    spec, params, x, index, ws = case
    got = impl.run(probe.hookbwd, spec, params, x, index, ws)
    if not got["entered_is_hook"]:
        raise Mismatch("`with HookBwd(m) as h` did not give the HookBwd itself as h")
    expect_counts(got["after"], NO_HOOKS, "after leaving `with HookBwd(m)`")
    last = output_gradients(spec, params, x, index, ws[-1:])[0]
    expect_close(got["stored_after_exit"], last, what=".stored after a backward pass outside the with block (it "
                 "should still hold the last gradient seen inside)", **SAME)
    if not got["propagated"]:
        raise Mismatch("an exception raised inside `with HookBwd(m):` did not come out of the block")
    expect_counts(got["after_exception"], NO_HOOKS, "after an exception left `with HookBwd(m)`")


# ==================================================================================================
# grad_cam (with the kit's Hook and HookBwd)
# ==================================================================================================

GRAD_CAM_HINT = ("keep the layer's output A with a forward hook; g = torch.autograd.grad(model(x)[0, cls], A); "
                 "w = g[0].mean((1, 2)), one weight per channel; the map is (w[:, None, None] * A[0]).sum(0), with "
                 "no relu")


@st.composite
def grad_cam_cases(draw):
    """(spec, params, dtype, x, index, classes, grads): a CNN with class scores, an image (1, C, H, W), a layer
    (a convolution or a relu), two classes, and .grad values for the parameters (some None)."""
    spec, c_in = draw(cnns(classes=True))
    dtype, seed = draw(float_dtypes), draw(seeds)
    params = parameters_for(spec, seed, dtype)
    x = normal(scramble(seed, 5), (1, c_in, draw(st.integers(1, 6)), draw(st.integers(1, 6))), dtype)
    n_classes = spec[-1][2]
    classes = [draw(st.integers(0, n_classes - 1)) for _ in range(2)]
    grads = [normal(scramble(seed, 60 + i), p.shape, dtype) if (i + seed) % 2 else None
             for i, p in enumerate(params)]
    return spec, params, dtype, x, draw(st.integers(0, 3)), classes, grads


def expected_grad_cam(spec, params, dtype, x, index, cls):
    """The map, and a per-element bound on its rounding (see grad_cam_tolerance)."""
    model = judge_model(spec, params, dtype)
    ins, outs = layer_values(model, x)
    activation = outs[index]
    (gradient,) = torch.autograd.grad(outs[-1][0, cls], activation)
    weights = gradient[0].mean((1, 2))
    cam = (weights[:, None, None] * activation[0]).sum(0).detach()
    eps = torch.finfo(dtype).eps
    k, hw = activation.shape[1], activation.shape[2] * activation.shape[3]
    magnitude = ((gradient[0].abs().mean((1, 2)) + weights.abs())[:, None, None] * activation[0].abs()).sum(0)
    # The weights' mean over h*w positions and the sum over k channels, each computed in another order: at most
    # (k + log2(h*w) + 2) roundings of the magnitudes involved, times 8 for the gradient's own roundings.
    return cam, 8 * eps * (k + math.log2(hw) + 2) * magnitude.detach() + 8 * eps


@exercise("grad_cam", points=5, hint=GRAD_CAM_HINT)
@settings(max_examples=40)
@given(case=grad_cam_cases())
def test_grad_cam_equals_the_map_from_autograd(impl, case):
    """grad_cam is (w[:, None, None] * A[0]).sum(0), w the spatial mean of d model(x)[0, cls] / dA[0], shape (h, w).

    In x's dtype, against torch.autograd.grad; on one model, for two classes in turn.
    """
    spec, params, dtype, x, index, classes, grads = case
    got = impl.run(probe.grad_cam, spec, params, name_of(dtype), x, index, classes, grads)
    for i, (cls, cam) in enumerate(zip(classes, got["maps"])):
        expected, atol = expected_grad_cam(spec, params, dtype, x, index, cls)
        expect_close(cam, expected, what=f"grad_cam(model, model[{index}] ({spec[index][0]}), x, cls={cls}), call "
                     f"{i + 1} of 2", rtol=0, atol=atol)


@exercise("grad_cam", points=2, hint="take the gradient with torch.autograd.grad (backward() adds to every "
                                     "parameter's .grad) and remove every hook you add (with blocks)")
@settings(max_examples=20)
@given(case=grad_cam_cases())
def test_grad_cam_leaves_no_hooks_and_the_gradients_unchanged(impl, case):
    """After grad_cam the model holds no hook and every parameter's .grad is as it was (None stays None).

    The parameters and x are unchanged too.
    """
    spec, params, dtype, x, index, classes, grads = case
    got = impl.run(probe.grad_cam, spec, params, name_of(dtype), x, index, classes, grads)
    expect_counts(got["counts"], NO_HOOKS, "after two calls of grad_cam")
    model = judge_model(spec, params, dtype)
    for (name, _), before, after in zip(model.named_parameters(), grads, got["grads"]):
        if before is None:
            if after is not None:
                raise Mismatch(f"{name}.grad was None before grad_cam and is a tensor after it: grad_cam ran "
                               f"backward() into the model's parameters")
        else:
            expect_close(after, before, what=f"{name}.grad after grad_cam (it must not change)", rtol=0, atol=0)
    for (name, p), after in zip(model.named_parameters(), got["params"]):
        expect_close(after, p.detach(), what=f"{name} after grad_cam", rtol=0, atol=0)
    expect_close(got["x_after"], x, what="x after grad_cam", rtol=0, atol=0)
