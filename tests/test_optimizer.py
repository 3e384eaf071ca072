"""optimizer: the lesson's optimizers, step for step against torch.optim, and each piece against its formula.

Trainings (tests/optimizer_strategies.py's scenarios: one to three groups of one to three parameters, five to
fifteen steps, fresh gradients each step, some None, some zero, hyper-parameters set in each group's dict
between steps as a scheduler does) are judged against torch's own optimizers run by the judge in float64 on
the same values: [sgd_step] against torch.optim.SGD, [l2_reg, sgd_step] against SGD(weight_decay=wd),
momentum_step with AverageGrad() against SGD(momentum=mom), weight_decay, adam_step and the three statistics
(and adam_opt) against AdamW(lr, betas=(mom, sqr_mom), eps=eps, weight_decay=wd) and, with no wd, Adam. The
piece under test is the student's; the others are the kit's stand-ins (tests/probes/optimizer.py), so each
mistake costs its own exercise only. Single calls of the steppers and statistics are judged against their
formulas, recomputed here in float64.

Tolerances. A correct implementation in the dtype under test differs from the exact result by its rounding
only. With u = finfo(dtype).eps / 2 (one rounding) and c = 2u (one operation: its rounding, and the rounding
of a Python float operand such as lr to the dtype), the judge carries, element by element beside its float64
recomputation, a first-order bound E on the error of every quantity:

- a sum or product costs c times the magnitudes it combines: p - lr * d is off by E_p + lr E_d + c (|lr d| +
  |p_new|); an average mom * avg + damp * g by mom E_avg + c (|mom avg| + |damp g| + |avg_new|) (g^2's own
  rounding counted twice in the average of squares);
- Adam's direction m / (sqrt(v) + eps), after the debiasing divisions (c each): sqrt(v + dv) - sqrt(v) is at
  most min(sqrt(dv), dv / (2 sqrt(v))), plus c for the root, c for + eps; then E_m / den + |m| E_den / (den
  (den - E_den)) + c |d| for the division;
- LAMB's norms over N elements: c (N + 2) of the norm for the sum of squares and the root, plus the norm of
  the direction's error; the ratio the sum of both relative errors plus c.

Errors in the parameters do not feed back into the gradients (the judge draws them), and the averages damp
their own errors (mom < 1), so the bound grows about linearly with the steps: for float32 over fifteen
steps, some 10^-6 of the magnitudes. The test allows 4 E: a factor 2 for the judge's own float64 run (when
the dtype under test is float64 torch's rounding is as large as the student's) and 2 for second-order terms
and other orders of the same operations (torch's, the lesson's, the kit's). The lesson's mistakes (eps inside
the square root, a missing or wrong debiasing, an L2 penalty in place of AdamW's decay, a lost or shared
state) change the values by percents, far beyond it.
"""
from __future__ import annotations

import math

import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from grader.testing import Mismatch, exercise, expect_close, expect_tensor
from tests.optimizer_strategies import (
    SHAPES,
    _chance,
    gradient,
    hyper,
    p_scales,
    scales,
    scenarios,
    scramble,
    seeds,
    stepper_state,
)
from tests.probes import optimizer as probe
from tests.strategies import float_dtypes

SAFETY = 4  # see the module docstring: the judge's own rounding, and second-order terms

# --- hints ----------------------------------------------------------------------------------------------

GROUPS_HINT = ("param_groups is a list with one dict per group, {'params': [tensors], **hypers}: the hypers are "
               "every stepper's _defaults (and, in StatefulOptimizer, every stat's) updated with the keywords "
               "passed, so what is passed wins; each group gets a dict of its own, and a single iterable of "
               "tensors (a generator, as model.parameters() is) is one group")
STEP_HINT = ("step() runs, under torch.no_grad(), for every parameter whose .grad is not None, each stepper in "
             "order as p = stepper(p, **hypers), with the hypers its group's dict holds at that step: a "
             "scheduler changes them between steps")
ZERO_HINT = ("zero_grad() zeroes every existing gradient in place (p.grad.zero_()): the tensors stay (a "
             "parameter with a zero gradient still steps), and a .grad that is None stays None")
STATEFUL_HINT = ("at a parameter's first step (not before, and only for parameters with a gradient) its state "
                 "is a new dict filled by every stat's init_state(p); then at every step each stat's "
                 "update(p, state, **hypers) runs, and only then each stepper, as stepper(p, **state, **hypers); "
                 "each parameter has a state of its own")
STEPPER_HINT = ("a stepper changes p in place (p.add_, p.mul_, or p.data), under the no_grad that step() gives, "
                "and returns p itself; it ignores the keyword arguments it does not use, and changes nothing "
                "else: not p.grad, not the state it is given")
STAT_HINT = ("update(p, state, **hypers) changes the state's own entries (in place or not) and returns the whole "
             "state dict, the other statistics' entries included; it reads p.grad and leaves p and p.grad as "
             "they were; init_state(p) gives new zero tensors like p (torch.zeros_like: p's shape and dtype)")
DEBIAS_HINT = ("divide by debias(mom, mom_damp, step) = mom_damp * (1 - mom**step) / (1 - mom), with the state's "
               "own mom_damp (1 when the average is not damped, 1 - mom when it is), and likewise for the squares")


# --- expected hyper-parameters, torch's trajectory and the error bound ------------------------------------

def expected_start(recipe: dict, keywords: dict) -> dict:
    """The groups' hypers after construction: the steppers' _defaults, the stats', then the keywords passed."""
    hypers = {}
    if recipe.get("record"):
        hypers.update(probe.RECORDER_DEFAULTS["first"])
    for name in recipe.get("steppers", []):
        hypers.update(probe.STEPPER_DEFAULTS[name])
    if recipe.get("record"):
        hypers.update(probe.RECORDER_DEFAULTS["last"])
    for name, _ in recipe.get("stats", []):
        hypers.update(probe.STAT_DEFAULTS[name])
    if recipe.get("trace"):
        hypers.update(probe.TRACE_DEFAULTS)
    hypers.update(keywords)
    return hypers


ADAM_PIECES = {"steppers": ["weight_decay", "adam_step"],
               "stats": [["AverageGrad", {"dampening": True}], ["AverageSqrGrad", {}], ["StepCount", {}]]}


def schedule(start: dict, scenario: dict) -> list[list[dict]]:
    """hypers[t][group]: each group's dict at step t, after that step's settings."""
    current = [dict(start) for _ in scenario["params"]]
    hypers = []
    for step in scenario["steps"]:
        for group, changes in zip(current, step["set"]):
            group.update(changes)
        hypers.append([dict(group) for group in current])
    return hypers


def torch_hypers(kind: str, h: dict) -> dict:
    """The kit's hyper-parameters in torch's names."""
    if kind == "sgd":
        return {"lr": h["lr"]}
    if kind == "sgd_l2":
        return {"lr": h["lr"], "weight_decay": h["wd"]}
    if kind == "momentum":
        return {"lr": h["lr"], "momentum": h["mom"]}
    out = {"lr": h["lr"], "betas": (h["mom"], h["sqr_mom"]), "eps": h["eps"]}
    if kind == "adamw":
        out["weight_decay"] = h["wd"]
    return out


TORCH = {"sgd": torch.optim.SGD, "sgd_l2": torch.optim.SGD, "momentum": torch.optim.SGD,
         "adamw": torch.optim.AdamW, "adam": torch.optim.Adam}


def torch_trajectory(kind: str, scenario: dict, hypers: list) -> list:
    """[t][group][param]: the values after each step of torch's optimizer, in float64, on the same data."""
    params = [[t.double().clone().requires_grad_() for t in group] for group in scenario["params"]]
    opt = TORCH[kind]([{"params": group, **torch_hypers(kind, hypers[0][i])} for i, group in enumerate(params)])
    out = []
    for t, step in enumerate(scenario["steps"]):
        for group, h in zip(opt.param_groups, hypers[t]):
            group.update(torch_hypers(kind, h))
        for group, grads in zip(params, step["grads"]):
            for p, g in zip(group, grads):
                p.grad = None if g is None else g.double().clone()
        opt.step()
        out.append([[p.detach().clone() for p in group] for group in params])
    return out


def sqrt_error(v, e_v, c):
    """A bound on |sqrt(v + dv) - sqrt(v)| for |dv| <= e_v, plus the root's rounding."""
    s = v.sqrt()
    return torch.where(s > 0, torch.minimum(e_v.sqrt(), e_v / (2 * s.clamp_min(1e-300))), e_v.sqrt()) + c * s


def quotient_error(num, e_num, den, e_den, c):
    """A bound on the error of num / den (den > 0) from errors e_num and e_den, plus the division's rounding."""
    slack = (den - e_den).clamp_min(0)
    ratio = torch.where(slack > 0, num.abs() * e_den / (den * slack.clamp_min(1e-300)),
                        torch.full_like(den, math.inf))
    return e_num / den + ratio + c * (num / den).abs()


def adam_direction(m, e_m, v, e_v, mom, mom_damp, sqr_mom, sqr_damp, step, eps, c):
    """Adam's debiased direction m_hat / (sqrt(v_hat) + eps), float64, and a bound on its error."""
    debias1 = mom_damp * (1 - mom**step) / (1 - mom)
    debias2 = sqr_damp * (1 - sqr_mom**step) / (1 - sqr_mom)
    m_hat, v_hat = m / debias1, v / debias2
    e_mh = e_m / debias1 + c * m_hat.abs()
    e_vh = e_v / debias2 + c * v_hat
    den = v_hat.sqrt() + eps
    e_den = sqrt_error(v_hat, e_vh, c) + c * den
    return m_hat / den, quotient_error(m_hat, e_mh, den, e_den, c)


def error_bounds(kind: str, scenario: dict, hypers: list, dtype) -> list:
    """[t][group][param]: the first-order bound E on a correct float implementation's error after each step."""
    c = torch.finfo(dtype).eps  # 2u: a rounding and the rounding of a Python float operand
    params = [[t.double().clone() for t in group] for group in scenario["params"]]
    state = [[{"E": torch.zeros_like(p), "step": 0} for p in group] for group in params]
    out = []
    for t, step in enumerate(scenario["steps"]):
        for gi, (group, grads) in enumerate(zip(params, step["grads"])):
            h = hypers[t][gi]
            for pi, (p, g) in enumerate(zip(group, grads)):
                if g is None:
                    continue
                s, g = state[gi][pi], g.double()
                lr = h["lr"]
                if kind in ("sgd", "sgd_l2", "momentum"):
                    wd = h["wd"] if kind == "sgd_l2" else 0.0
                    d = g + wd * p
                    e_d = wd * s["E"] + c * ((wd * p).abs() + d.abs())
                    if kind == "momentum":
                        mom = h["mom"]
                        avg = s.get("avg", torch.zeros_like(p))
                        new = mom * avg + d
                        s["E_avg"] = mom * s.get("E_avg", torch.zeros_like(p)) + e_d + c * ((mom * avg).abs()
                                                                                           + new.abs())
                        s["avg"] = d = new
                        e_d = s["E_avg"]
                    new_p = p - lr * d
                    s["E"] = s["E"] + lr * e_d + c * ((lr * d).abs() + new_p.abs())
                else:
                    wd = h.get("wd", 0.0) if kind == "adamw" else 0.0
                    mom, sqr_mom, eps = h["mom"], h["sqr_mom"], h["eps"]
                    decayed = p * (1 - lr * wd)
                    e_p = s["E"] * abs(1 - lr * wd) + c * decayed.abs()
                    m, v = s.get("m", torch.zeros_like(p)), s.get("v", torch.zeros_like(p))
                    m_new = mom * m + (1 - mom) * g
                    v_new = sqr_mom * v + (1 - sqr_mom) * g * g
                    s["E_m"] = mom * s.get("E_m", torch.zeros_like(p)) + c * ((mom * m).abs() + ((1 - mom) * g).abs()
                                                                             + m_new.abs())
                    s["E_v"] = sqr_mom * s.get("E_v", torch.zeros_like(p)) + c * (sqr_mom * v + 2 * (1 - sqr_mom) * g
                                                                                 * g + v_new)
                    s["m"], s["v"], s["step"] = m_new, v_new, s["step"] + 1
                    d, e_d = adam_direction(m_new, s["E_m"], v_new, s["E_v"], mom, 1 - mom, sqr_mom, 1 - sqr_mom,
                                            s["step"], eps, c)
                    new_p = decayed - lr * d
                    s["E"] = e_p + lr * e_d + c * (2 * (lr * d).abs() + new_p.abs())
                group[pi] = new_p
        out.append([[s["E"].clone() for s in group] for group in state])
    return out


# --- judging a training ------------------------------------------------------------------------------------

def param_indices(scenario: dict) -> list[list[int]]:
    """The indices (in the order given) of each group's parameters."""
    out, i = [], 0
    for group in scenario["params"]:
        out.append(list(range(i, i + len(group))))
        i += len(group)
    return out


def same_number(got, want) -> bool:
    return type(got) in (bool, int, float) and (got == want or (math.isnan(want) and math.isnan(got)))


def expect_groups(groups, scenario: dict, hypers: list[dict], what: str, hint: str = GROUPS_HINT) -> None:
    """param_groups as the probe saw them: one dict per group, the tensors given, each group's hypers exactly."""
    __tracebackhide__ = True
    if isinstance(groups, str):
        raise Mismatch(f"{what}: {groups}", hint=hint)
    indices = param_indices(scenario)
    if len(groups) != len(indices):
        raise Mismatch(f"{what}: {len(groups)} parameter groups, expected {len(indices)} (the params were given "
                       f"as {'one iterable of tensors' if scenario['single'] else f'{len(indices)} lists'})",
                       hint=hint)
    for i, (group, want_params, want) in enumerate(zip(groups, indices, hypers)):
        if group["params"] != want_params:
            raise Mismatch(f"{what}: group {i} holds the parameters {group['params']} (by their index among all "
                           f"the tensors given; -1: a tensor not given), expected {want_params}", hint=hint)
        got = group["hypers"]
        if set(got) != set(want) or not all(same_number(got[k], v) for k, v in want.items()):
            raise Mismatch(f"{what}: group {i}'s hyper-parameters are {got}, expected {want}", hint=hint)


def expect_values(got, expected: torch.Tensor, bound: torch.Tensor, dtype, what: str) -> None:
    """A tensor of the expected shape and the dtype under test, within SAFETY * bound of torch's float64."""
    __tracebackhide__ = True
    expect_tensor(got, what=what, shape=expected.shape, dtype=dtype)
    expect_close(got, expected, what=what, atol=SAFETY * bound, rtol=0, check_dtype=False)


def expect_training(report: dict, kind: str, scenario: dict, start: dict, dtype, what: str,
                    groups_hint: str | None = None) -> list:
    """Every parameter after every step equals torch's (kind) within the bound; returns the hypers schedule.

    With `groups_hint`, the groups are judged too: after construction and after each step.
    """
    __tracebackhide__ = True
    if groups_hint is not None:
        expect_groups(report["start"], scenario, [start] * len(scenario["params"]),
                      f"{what}: param_groups after construction", groups_hint)
    elif not isinstance(report["start"], list) or len(report["start"]) != len(scenario["params"]):
        raise Mismatch(f"{what}: param_groups after construction: {report['start']}", hint=GROUPS_HINT)
    hypers = schedule(start, scenario)
    expected = torch_trajectory(kind, scenario, hypers)
    bounds = error_bounds(kind, scenario, hypers, dtype)
    n = len(scenario["steps"])
    if len(report["steps"]) != n:
        raise Mismatch(f"{what}: the probe ran {len(report['steps'])} steps of {n}")
    for t, step in enumerate(report["steps"]):
        if groups_hint is not None:
            expect_groups(step["groups"], scenario, hypers[t], f"{what}: param_groups after step {t + 1}",
                          groups_hint)
        for gi, (got_group, want_group, bound_group) in enumerate(zip(step["params"], expected[t], bounds[t])):
            for pi, (got, want, bound) in enumerate(zip(got_group, want_group, bound_group)):
                expect_values(got, want, bound, dtype, f"{what}: group {gi}, parameter {pi} after step {t + 1} "
                                                       f"of {n} (hypers {hypers[t][gi]})")
    return hypers


def describe(scenario: dict) -> str:
    shapes = [[tuple(t.shape) for t in group] for group in scenario["params"]]
    return f"{len(scenario['steps'])} steps on groups of shapes {shapes}"


# --- recipes: which pieces are the student's -----------------------------------------------------------

def recipe(exercise_name: str, build: str, steppers: list, stats: list = (), **more) -> dict:
    return {"exercise": exercise_name, "build": build, "steppers": list(steppers), "stats": [list(s) for s in stats],
            **more}


SGD_STEPS = {"sgd": ["sgd_step"], "sgd_l2": ["l2_reg", "sgd_step"]}


def adam_recipe(exercise_name: str, dampening: bool = True, **more) -> dict:
    stats = [["AverageGrad", {"dampening": dampening}], ["AverageSqrGrad", {}], ["StepCount", {}]]
    return recipe(exercise_name, "StatefulOptimizer", ["weight_decay", "adam_step"], stats, **more)


def momentum_recipe(exercise_name: str, **more) -> dict:
    return recipe(exercise_name, "StatefulOptimizer", ["momentum_step"], [["AverageGrad", {}]], **more)


def run_training(impl, rec: dict, kind: str, scenario: dict, dtype, what: str, groups_hint=None):
    report = impl.run(probe.train, rec, scenario)
    hypers = expect_training(report, kind, scenario, expected_start(rec, scenario["defaults"]), dtype,
                             f"{what} ({describe(scenario)})", groups_hint)
    return report, hypers


training_settings = settings(max_examples=25)


# --- Optimizer --------------------------------------------------------------------------------------------

OPTIMIZER_RECIPE = recipe("Optimizer", "Optimizer", ["l2_reg", "sgd_step"], record=True)


@exercise("Optimizer", points=4, hint=STEP_HINT)
@training_settings
@given(case=scenarios("sgd_l2"))
def test_optimizer_with_sgd_steppers_equals_torch_sgd(impl, case):
    """Optimizer(params, [l2_reg, sgd_step]) equals torch.optim.SGD(weight_decay=wd) at every step, every group
    with its own scheduled hypers; parameters whose .grad is None do not move; param_groups as scheduled."""
    scenario, dtype = case
    run_training(impl, OPTIMIZER_RECIPE, "sgd_l2", scenario, dtype, "Optimizer(params, [l2_reg, sgd_step])",
                 groups_hint=GROUPS_HINT)


def expect_log(log: list, scenario: dict, t: int, hypers: list, what: str, stateful: bool = False,
               counts: list | None = None, hint: str = STEP_HINT) -> None:
    """The recording steppers (and the tracing statistic) were called as the contract says, per parameter."""
    __tracebackhide__ = True
    indices = param_indices(scenario)
    for gi, (group, grads) in enumerate(zip(indices, scenario["steps"][t]["grads"])):
        h = hypers[t][gi]
        for index, g in zip(group, grads):
            events = [e for e in log if e["param"] == index]
            names = [e["event"] for e in events]
            where = f"{what}, step {t + 1}, group {gi}'s parameter {index - group[0]}"
            if g is None:
                if events:
                    raise Mismatch(f"{where}: its .grad is None, yet it got {names}: it should be left alone",
                                   hint=hint)
                continue
            if stateful:
                counts[index] += 1
                want = (["init"] if counts[index] == 1 else []) + ["update", "first", "last"]
            else:
                want = ["first", "last"]
            if names != want:
                raise Mismatch(f"{where}: the calls were {names}, expected {want} (first and last are recording "
                               f"steppers around the real ones{'; init and update a statistic' if stateful else ''})",
                               hint=hint)
            for e in events:
                if e["event"] == "init":
                    continue
                numbers = {k: v for k, v in e["numbers"].items() if k in h}
                if numbers != h or not set(h) <= set(e["keys"]):
                    raise Mismatch(f"{where}: {e['event']} got the hypers {numbers}, expected the group's {h}",
                                   hint=hint)
                if not stateful:
                    if set(e["keys"]) != set(h):
                        raise Mismatch(f"{where}: a stepper got the keyword arguments {e['keys']}, expected the "
                                       f"group's hypers {sorted(h)}", hint=hint)
                    continue
                state_keys = {"grad_avg", "mom_damp", "step", "trace_count"}
                if e["event"] == "update":
                    if set(e["keys"]) != set(h):
                        raise Mismatch(f"{where}: the statistic's update got the keyword arguments {e['keys']}, "
                                       f"expected the group's hypers {sorted(h)}", hint=hint)
                    if e["trace_count"] != counts[index] - 1:
                        raise Mismatch(f"{where}: the statistic's update found trace_count = {e['trace_count']} in "
                                       f"the state, expected {counts[index] - 1} (its updates so far)", hint=hint)
                    continue
                if set(e["keys"]) != set(h) | state_keys:
                    raise Mismatch(f"{where}: a stepper got the keyword arguments {e['keys']}, expected the state's "
                                   f"{sorted(state_keys)} and the group's hypers {sorted(h)}", hint=hint)
                if e["numbers"].get("trace_count") != counts[index] or e["numbers"].get("step") != counts[index]:
                    raise Mismatch(f"{where}: a stepper got step = {e['numbers'].get('step')} and trace_count = "
                                   f"{e['numbers'].get('trace_count')}, expected {counts[index]} for both (this "
                                   f"parameter's steps so far: the stats update before the steppers run)",
                                   hint=hint)


@exercise("Optimizer", points=2, hint=STEP_HINT)
@training_settings
@given(case=scenarios("sgd_l2"))
def test_optimizer_runs_each_stepper_in_order_with_its_groups_hypers(impl, case):
    """At every step each parameter with a gradient gets every stepper once, in order, with its group's hypers
    of that step (and nothing else); a parameter whose .grad is None gets none."""
    scenario, dtype = case
    report = impl.run(probe.train, OPTIMIZER_RECIPE, scenario)
    start = expected_start(OPTIMIZER_RECIPE, scenario["defaults"])
    expect_groups(report["start"], scenario, [start] * len(scenario["params"]), "param_groups after construction")
    hypers = schedule(start, scenario)
    for t, step in enumerate(report["steps"]):
        expect_log(step["log"], scenario, t, hypers, "Optimizer.step()")


@exercise("Optimizer", points=2, hint=ZERO_HINT)
@training_settings
@given(case=scenarios("sgd_l2"))
def test_optimizer_zero_grad_zeroes_existing_gradients(impl, case):
    """After every step's zero_grad(), each gradient that existed is a zero tensor of its parameter's shape and
    dtype, and each .grad that was None is still None."""
    scenario, dtype = case
    report = impl.run(probe.train, OPTIMIZER_RECIPE, scenario)
    expect_groups(report["start"], scenario,
                  [expected_start(OPTIMIZER_RECIPE, scenario["defaults"])] * len(scenario["params"]),
                  "param_groups after construction")
    for t, step in enumerate(report["steps"]):
        for gi, (got_group, grads, params) in enumerate(zip(step["grads"], scenario["steps"][t]["grads"],
                                                           scenario["params"])):
            for pi, (got, g, p) in enumerate(zip(got_group, grads, params)):
                what = f"group {gi}, parameter {pi}'s .grad after zero_grad() at step {t + 1}"
                if g is None:
                    if got is not None:
                        raise Mismatch(f"{what}: it was None before the step, so it should still be None; got "
                                       f"{got!r}", hint=ZERO_HINT)
                    continue
                if got is None:
                    raise Mismatch(f"{what} is None: zero_grad() should zero the gradient (p.grad.zero_()), not "
                                   f"drop it", hint=ZERO_HINT)
                expect_close(got, torch.zeros_like(p), what=what, atol=0, rtol=0)


CONSTRUCT_SCENARIO_KIND = "adamw"  # every hyper-parameter name, so the merge has something to override


@exercise("Optimizer", points=2, hint=GROUPS_HINT)
@settings(max_examples=30)
@given(case=scenarios(CONSTRUCT_SCENARIO_KIND, min_steps=1, max_steps=1), again_seed=seeds)
def test_optimizer_param_groups_merge_the_defaults(impl, case, again_seed):
    """param_groups holds one dict per group: the tensors given, and the steppers' _defaults updated with the
    keywords passed (what is passed wins); a second optimizer on the same steppers gets their _defaults as
    they were, and the steppers' _defaults are unchanged."""
    scenario, _ = case
    again = second_keywords(again_seed)
    rec = OPTIMIZER_RECIPE
    got = impl.run(probe.construct, rec, scenario, again)
    n = len(scenario["params"])
    expect_groups(got["first"], scenario, [expected_start(rec, scenario["defaults"])] * n,
                  f"Optimizer(params, steppers, **{scenario['defaults']}).param_groups")
    expect_groups(got["second"], scenario, [expected_start(rec, again)] * n,
                  f"a second Optimizer(params, the same steppers, **{again}).param_groups")
    want = [probe.RECORDER_DEFAULTS["first"], *[probe.STEPPER_DEFAULTS[s] for s in rec["steppers"]],
            probe.RECORDER_DEFAULTS["last"]]
    if got["steppers"] != want:
        raise Mismatch(f"the steppers' _defaults after building two optimizers are {got['steppers']}, expected "
                       f"them unchanged: {want} (merge into a new dict: hypers = {{}}; hypers.update(...))")


def second_keywords(seed: int) -> dict:
    """Keywords for a second optimizer: lr, and some of the others (so a leak from the first one shows)."""
    g = torch.Generator().manual_seed(scramble(seed))
    keys = ["lr", *[k for k in ("wd", "alpha", "beta", "mom", "eps") if _chance(g, 0.5)]]
    return {k: hyper(g, k) if k in ("lr", "wd", "mom", "eps") else float(torch.rand((), generator=g)) for k in keys}


# --- sgd_step, l2_reg, weight_decay, momentum_step: single calls ------------------------------------------

@st.composite
def stepper_inputs(draw, p_scale=p_scales):
    """(p, calls, dtype): a parameter and two or three calls, each with a new gradient and every keyword any
    stepper takes (a stepper ignores the others): lr, wd, eps, mom, sqr_mom and Adam's state."""
    dtype = draw(float_dtypes)
    shape = draw(st.sampled_from(SHAPES))
    g = torch.Generator().manual_seed(scramble(draw(seeds)))
    scale, size = draw(scales), draw(p_scale)
    p = (torch.randn(shape, generator=g, dtype=torch.float64) * size).to(dtype)
    calls = []
    for _ in range(draw(st.integers(2, 3))):
        mom, sqr_mom = hyper(g, "mom"), hyper(g, "sqr_mom")
        kwargs = {"lr": hyper(g, "lr"), "wd": hyper(g, "wd"), "eps": hyper(g, "eps"), "mom": mom,
                  "sqr_mom": sqr_mom, **stepper_state(g, shape, dtype, scale, mom, sqr_mom)}
        grad = (torch.randn(shape, generator=g, dtype=torch.float64) * scale).to(dtype)
        calls.append({"grad": grad, "kwargs": kwargs})
    return p, calls, dtype


def expect_calls(report, p, calls, dtype, name, formula) -> None:
    """Judge each call of a stepper: it returned p, p (and, for l2_reg, p.grad) as the formula says from the p
    it was given, everything else unchanged, p still requiring grad.

    formula(p, grad, kwargs) (all float64) gives (p after, its bound, grad after or None: unchanged, its bound).
    """
    __tracebackhide__ = True
    before = p.double()
    for i, (got, call) in enumerate(zip(report, calls)):
        kw = call["kwargs"]
        what = f"call {i + 1} of {len(calls)} of {name}(p, lr={kw['lr']:.4g}, wd={kw['wd']:.4g}, ...)"
        if got["returned"] != "p":
            raise Mismatch(f"{what} returned {got['returned']}: a stepper returns p itself (the optimizer passes it "
                           f"to the next stepper)", hint=STEPPER_HINT)
        if not got["requires_grad"]:
            raise Mismatch(f"{what}: p no longer requires grad", hint=STEPPER_HINT)
        kwargs64 = {k: v.double() if isinstance(v, torch.Tensor) else v for k, v in call["kwargs"].items()}
        want_p, bound_p, want_grad, bound_grad = formula(before, call["grad"].double(), kwargs64)
        expect_values(got["p"], want_p, bound_p, dtype, f"p after {what}")
        if want_grad is None:
            expect_close(got["grad"], call["grad"], what=f"p.grad after {what} (a stepper leaves it alone)",
                         atol=0, rtol=0)
        else:
            expect_values(got["grad"], want_grad, bound_grad, dtype, f"p.grad after {what}")
        for key, value in call["kwargs"].items():
            after = got["kwargs"].get(key)
            if isinstance(value, torch.Tensor):
                expect_close(after, value, what=f"the argument {key} after {what} (a stepper changes only p)",
                             atol=0, rtol=0)
        before = got["p"].double()  # the next call starts from what this one left


def c_of(dtype) -> float:
    return torch.finfo(dtype).eps  # 2u: one operation's rounding and its Python float operand's


def sgd_formula(dtype):
    c = c_of(dtype)

    def formula(p, g, kw):
        new = p - kw["lr"] * g
        return new, c * ((kw["lr"] * g).abs() + new.abs()), None, None
    return formula


@exercise("sgd_step", points=3, hint="p -= lr * p.grad, in place, under the no_grad that step() gives: "
                                     "p.add_(p.grad, alpha=-lr) (or p.data), and return p")
@settings(max_examples=40)
@given(args=stepper_inputs())
def test_sgd_step_follows_its_formula(impl, args):
    """sgd_step(p, lr=..., **others) makes p - lr * p.grad in place and returns p, on two or three calls with new
    gradients and lr (0 included); it ignores the other keywords and changes nothing but p."""
    p, calls, dtype = args
    expect_calls(impl.run(probe.stepper_calls, "sgd_step", p, calls), p, calls, dtype, "sgd_step", sgd_formula(dtype))


@exercise("sgd_step", points=2, hint="[sgd_step] is torch.optim.SGD: p -= lr * p.grad with the group's lr of "
                                     "that step")
@training_settings
@given(case=scenarios("sgd"))
def test_sgd_step_trains_like_torch_sgd(impl, case):
    """The kit's Optimizer with [sgd_step] equals torch.optim.SGD at every step, groups with their own
    scheduled lr, parameters without gradients left alone."""
    scenario, dtype = case
    run_training(impl, recipe("sgd_step", "Optimizer", ["sgd_step"]), "sgd", scenario, dtype,
                 "Optimizer(params, [sgd_step])")


def l2_formula(dtype):
    c = c_of(dtype)

    def formula(p, g, kw):
        new = g + kw["wd"] * p
        return p, torch.zeros_like(p), new, c * ((kw["wd"] * p).abs() + new.abs())
    return formula


@exercise("l2_reg", points=3, hint="L2 regularisation adds the penalty's gradient to the gradient: "
                                   "p.grad += wd * p (p.grad.add_(p, alpha=wd)); p itself does not move here")
@settings(max_examples=40)
@given(args=stepper_inputs())
def test_l2_reg_follows_its_formula(impl, args):
    """l2_reg(p, wd=..., **others) makes p.grad + wd * p the gradient, leaves p's values alone and returns p,
    on two or three calls (wd 0 included); it ignores the other keywords."""
    p, calls, dtype = args
    expect_calls(impl.run(probe.stepper_calls, "l2_reg", p, calls), p, calls, dtype, "l2_reg", l2_formula(dtype))


@exercise("l2_reg", points=2, hint="[l2_reg, sgd_step] is SGD's weight_decay: the gradient gets wd * p before "
                                   "sgd_step reads it")
@training_settings
@given(case=scenarios("sgd_l2"))
def test_l2_reg_trains_like_torch_sgd_weight_decay(impl, case):
    """The kit's Optimizer with [l2_reg, sgd_step] equals torch.optim.SGD(weight_decay=wd) at every step, each
    group with its own scheduled lr and wd."""
    scenario, dtype = case
    run_training(impl, recipe("l2_reg", "Optimizer", ["l2_reg", "sgd_step"]), "sgd_l2", scenario, dtype,
                 "Optimizer(params, [l2_reg, sgd_step])")


def weight_decay_formula(dtype):
    c = c_of(dtype)

    def formula(p, g, kw):
        new = p * (1 - kw["lr"] * kw["wd"])
        return new, 2 * c * new.abs(), None, None
    return formula


@exercise("weight_decay", points=3, hint="decoupled weight decay shrinks the weights themselves: p *= 1 - lr * wd "
                                         "(p.mul_(1 - lr * wd)); the gradient is not touched")
@settings(max_examples=40)
@given(args=stepper_inputs())
def test_weight_decay_follows_its_formula(impl, args):
    """weight_decay(p, lr=..., wd=..., **others) makes p * (1 - lr * wd) in place and returns p, leaving p.grad
    alone, on two or three calls (lr 0 and wd 0 included)."""
    p, calls, dtype = args
    expect_calls(impl.run(probe.stepper_calls, "weight_decay", p, calls), p, calls, dtype, "weight_decay",
                 weight_decay_formula(dtype))


@exercise("weight_decay", points=2, hint="AdamW decays the weights before Adam's step: [weight_decay, adam_step], "
                                         "p *= 1 - lr * wd with the group's lr and wd of that step")
@training_settings
@given(case=scenarios("adamw"))
def test_weight_decay_trains_like_torch_adamw(impl, case):
    """With the kit's Adam pieces, weight_decay makes torch.optim.AdamW(weight_decay=wd) at every step."""
    scenario, dtype = case
    run_training(impl, adam_recipe("weight_decay"), "adamw", scenario, dtype, "AdamW from the kit's pieces")


def momentum_formula(dtype):
    c = c_of(dtype)

    def formula(p, g, kw):
        new = p - kw["lr"] * kw["grad_avg"]
        return new, c * ((kw["lr"] * kw["grad_avg"]).abs() + new.abs()), None, None
    return formula


@exercise("momentum_step", points=3, hint="momentum steps along the average gradient from the state, not p.grad: "
                                          "p -= lr * grad_avg (p.add_(grad_avg, alpha=-lr)), leaving grad_avg as "
                                          "it is")
@settings(max_examples=40)
@given(args=stepper_inputs())
def test_momentum_step_follows_its_formula(impl, args):
    """momentum_step(p, lr=..., grad_avg=..., **others) makes p - lr * grad_avg in place and returns p, leaving
    grad_avg and p.grad alone, on two or three calls."""
    p, calls, dtype = args
    expect_calls(impl.run(probe.stepper_calls, "momentum_step", p, calls), p, calls, dtype, "momentum_step",
                 momentum_formula(dtype))


@exercise("momentum_step", points=2, hint="momentum_step with AverageGrad() is SGD with momentum: p -= lr * "
                                          "grad_avg, grad_avg = mom * grad_avg + grad")
@training_settings
@given(case=scenarios("momentum"))
def test_momentum_step_trains_like_torch_sgd_momentum(impl, case):
    """The kit's StatefulOptimizer and AverageGrad() with momentum_step equal torch.optim.SGD(momentum=mom) at
    every step, groups with their own scheduled lr and mom."""
    scenario, dtype = case
    run_training(impl, momentum_recipe("momentum_step"), "momentum", scenario, dtype,
                 "StatefulOptimizer(params, [momentum_step], stats=[AverageGrad()])")


# --- adam_step, lamb_step: single calls -----------------------------------------------------------------

def adam_formula(dtype):
    c = c_of(dtype)

    def formula(p, g, kw):
        zero = torch.zeros_like(p)
        d, e_d = adam_direction(kw["grad_avg"], zero, kw["sqr_avg"], zero, kw["mom"], kw["mom_damp"], kw["sqr_mom"],
                                kw["sqr_damp"], kw["step"], kw["eps"], c)
        new = p - kw["lr"] * d
        return new, kw["lr"] * e_d + c * (2 * (kw["lr"] * d).abs() + new.abs()), None, None
    return formula


@exercise("adam_step", points=4, hint=DEBIAS_HINT + "; then p -= lr / debias1 * grad_avg / (sqrt(sqr_avg / "
                                                    "debias2) + eps): eps outside the square root")
@settings(max_examples=60)
@given(args=stepper_inputs())
def test_adam_step_follows_its_formula(impl, args):
    """adam_step(p, **state, **hypers) makes p - lr / debias1 * grad_avg / (sqrt(sqr_avg / debias2) + eps) for
    any step (1 included) and either damping of each average, zero averages included; it returns p, ignores
    wd (no decay here) and leaves the state and p.grad alone, on two or three calls."""
    p, calls, dtype = args
    expect_calls(impl.run(probe.stepper_calls, "adam_step", p, calls), p, calls, dtype, "adam_step",
                 adam_formula(dtype))


@exercise("adam_step", points=3, hint="with the kit's statistics (damped averages, step from 1) and weight_decay "
                                      "before it, adam_step makes torch.optim.AdamW: " + DEBIAS_HINT)
@training_settings
@given(case=scenarios("adamw"), wd=st.booleans())
def test_adam_step_trains_like_torch_adamw_and_adam(impl, case, wd):
    """With the kit's StatefulOptimizer, statistics and weight_decay, adam_step equals torch.optim.AdamW at every
    step (and, with no wd, torch.optim.Adam), groups with their own scheduled lr, betas, eps and wd."""
    scenario, dtype = case
    kind = "adamw" if wd else "adam"
    if not wd:
        scenario = without_wd(scenario)
    run_training(impl, adam_recipe("adam_step"), kind, scenario, dtype, f"{'AdamW' if wd else 'Adam'} from the kit's "
                                                                        f"pieces and adam_step")


def without_wd(scenario: dict) -> dict:
    """The scenario with no wd anywhere: the kit's weight_decay then decays by its default, 0 (Adam)."""
    return {**scenario, "defaults": {k: v for k, v in scenario["defaults"].items() if k != "wd"},
            "steps": [{**step, "set": [{k: v for k, v in s.items() if k != "wd"} for s in step["set"]]}
                      for step in scenario["steps"]]}


def lamb_expected(p, kw, c, n):
    """LAMB's p after one call, float64, and a bound on a correct float implementation's error."""
    zero = torch.zeros_like(p)
    a, e_a = adam_direction(kw["grad_avg"], zero, kw["sqr_avg"], zero, kw["mom"], kw["mom_damp"], kw["sqr_mom"],
                            kw["sqr_damp"], kw["step"], kw["eps"], c)
    wd, lr = kw["wd"], kw["lr"]
    d = a + wd * p
    e_d = e_a + c * ((wd * p).abs() + d.abs())
    r1, r2 = float(p.norm()), float(d.norm())
    if r1 == 0 or r2 == 0:
        r, e_r = 1.0, 0.0
    else:
        r = r1 / r2
        e_r1 = c * (n + 2) * r1
        e_r2 = float(e_d.norm()) + c * (n + 2) * r2
        e_r = r * (e_r1 / r1 + (e_r2 / (r2 - e_r2) if r2 > e_r2 else math.inf) + c)
    new = p - lr * r * d
    bound = lr * (e_r * d.abs() + r * e_d) + c * (2 * (lr * r * d).abs() + new.abs())
    return new, bound


def lamb_formula(dtype):
    c = c_of(dtype)

    def formula(p, g, kw):
        new, bound = lamb_expected(p, kw, c, p.numel())
        return new, bound, None, None
    return formula


LAMB_HINT = ("d = grad_avg / debias1 / (sqrt(sqr_avg / debias2) + eps) + wd * p, then p -= lr * r * d with the "
             "trust ratio r = ||p|| / ||d|| (norms of the whole tensors, r not clipped)")


@exercise("lamb_step", points=4, hint=LAMB_HINT)
@settings(max_examples=60)
@given(args=stepper_inputs())
def test_lamb_step_follows_its_formula(impl, args):
    """lamb_step(p, **state, **hypers) makes p - lr * r * d with d Adam's direction plus wd * p and r = ||p|| /
    ||d|| (1 where a norm is 0), recomputed in float64, for parameters from 0 to 1e2 and any step and damping;
    it returns p and leaves the state and p.grad alone, on two or three calls."""
    p, calls, dtype = args
    expect_calls(impl.run(probe.stepper_calls, "lamb_step", p, calls), p, calls, dtype, "lamb_step",
                 lamb_formula(dtype))


@exercise("lamb_step", points=2, hint="the trust ratio is 1 when either norm is 0: a zero parameter still moves "
                                      "(by lr * d), and a zero direction moves nothing (no 0 / 0, no inf * 0)")
@settings(max_examples=30)
@given(args=stepper_inputs(p_scale=st.just(1.0)), case=st.sampled_from(["zero p", "zero direction", "both"]))
def test_lamb_step_trust_ratio_is_1_at_zero_norms(impl, args, case):
    """With a zero parameter (||p|| = 0), a zero direction (grad_avg = 0 and wd = 0) or both, lamb_step uses the
    ratio 1: p moves by lr * d, or stays where it is; never nan or inf."""
    p, calls, dtype = args
    if case != "zero direction":
        p = torch.zeros_like(p)
    for call in calls:
        kw = call["kwargs"]
        if case != "zero p":
            kw["grad_avg"], kw["wd"] = torch.zeros_like(kw["grad_avg"]), 0.0
    expect_calls(impl.run(probe.stepper_calls, "lamb_step", p, calls), p, calls, dtype, "lamb_step",
                 lamb_formula(dtype))


# --- the statistics ---------------------------------------------------------------------------------------

STAT_KEYS = {"AverageGrad": ("grad_avg", "mom_damp", "mom"), "AverageSqrGrad": ("sqr_avg", "sqr_damp", "sqr_mom")}


@st.composite
def stat_inputs(draw, flags=(None, False, True)):
    """(kwargs, params, foreign, steps, dtype): two or three parameters (often of one shape), and three to six
    steps in which some of them, in a shuffled order, get a gradient (zeros sometimes) and the hypers (mom and
    sqr_mom new each step, with lr, eps, wd the statistic ignores)."""
    dtype = draw(float_dtypes)
    dampening = draw(st.sampled_from(flags))
    kwargs = {} if dampening is None else {"dampening": dampening}
    shapes = [draw(st.sampled_from(SHAPES[:3])) for _ in range(draw(st.integers(2, 3)))]
    g = torch.Generator().manual_seed(scramble(draw(seeds)))
    scale = draw(scales)
    params = [torch.randn(shape, generator=g, dtype=torch.float64).to(dtype) for shape in shapes]
    foreign = {"other_avg": torch.randn(shapes[0], generator=g, dtype=torch.float64).to(dtype), "other_count": 3}
    steps = []
    for _ in range(draw(st.integers(3, 6))):
        hypers = {"mom": hyper(g, "mom"), "sqr_mom": hyper(g, "sqr_mom"), "lr": hyper(g, "lr"),
                  "eps": hyper(g, "eps"), "wd": hyper(g, "wd")}
        order = torch.randperm(len(params), generator=g).tolist()
        steps.append([[i, gradient(g, params[i].shape, dtype, scale), hypers] for i in order
                      if not _chance(g, 0.2)])
    return kwargs, params, foreign, steps, dtype


def as_number(value):
    """A number, or a one-element tensor's value; None for anything else."""
    if type(value) in (bool, int, float):
        return float(value)
    if isinstance(value, torch.Tensor) and value.numel() == 1:
        return float(value)
    return None


def expect_state_dict(state, what: str):
    __tracebackhide__ = True
    if isinstance(state, str) or not isinstance(state, dict):
        raise Mismatch(f"{what}: the state is {state}; update returns the state dict", hint=STAT_HINT)
    return state


def expect_stat_run(report, name, kwargs, params, foreign, steps, dtype) -> None:
    """Judge an AverageGrad or AverageSqrGrad run: init, every update's state, the foreign entries, p, p.grad."""
    __tracebackhide__ = True
    key, damp_key, mom_key = STAT_KEYS[name]
    dampening = kwargs.get("dampening", name == "AverageSqrGrad")
    built = f"{name}({', '.join(f'{k}={v}' for k, v in kwargs.items())})"
    c = c_of(dtype)
    avg = [torch.zeros(p.shape, dtype=torch.float64) for p in params]
    err = [torch.zeros(p.shape, dtype=torch.float64) for p in params]
    for i, (init, p) in enumerate(zip(report["init"], params)):
        init = expect_state_dict(init, f"{built}.init_state(p) for parameter {i}")
        if key not in init:
            raise Mismatch(f"{built}.init_state(p) gave the keys {sorted(init)}, expected '{key}'", hint=STAT_HINT)
        expect_close(init[key], torch.zeros_like(p), what=f"{built}.init_state(p)['{key}'] for parameter {i}",
                     atol=0, rtol=0)
    for t, (seen, step) in enumerate(zip(report["steps"], steps)):
        for got, (i, grad, hypers) in zip(seen, step):
            what = f"{built}: parameter {i} (of {len(params)}) after update {t + 1} ({mom_key}={hypers[mom_key]:.4g})"
            state = expect_state_dict(got["state"], what)
            mom = hypers[mom_key]
            damp = 1 - mom if dampening else 1.0
            g = grad.double()
            term = damp * (g * g if name == "AverageSqrGrad" else g)
            new = mom * avg[i] + term
            err[i] = mom * err[i] + c * ((mom * avg[i]).abs() + (1 + (name == "AverageSqrGrad")) * term.abs()
                                         + new.abs())
            avg[i] = new
            if key not in state:
                raise Mismatch(f"{what}: the state has no '{key}' (its keys: {sorted(state)})", hint=STAT_HINT)
            expect_values(state[key], new, err[i], dtype, f"state['{key}'] of {what}")
            got_damp = as_number(state.get(damp_key))
            if got_damp is None or abs(got_damp - damp) > 1e-12:
                raise Mismatch(f"{what}: state['{damp_key}'] is {state.get(damp_key)!r}, expected {damp:.6g} "
                               f"({'1 - ' + mom_key if dampening else '1: no dampening'})", hint=STAT_HINT)
            for k, v in foreign.items():
                if k not in state:
                    raise Mismatch(f"{what}: the state lost another statistic's entry '{k}' (keys now: "
                                   f"{sorted(state)}): update returns the whole state", hint=STAT_HINT)
                if isinstance(v, torch.Tensor):
                    expect_close(state[k], v, what=f"another statistic's entry state['{k}'] after {what}",
                                 atol=0, rtol=0)
                elif state[k] != v:
                    raise Mismatch(f"{what}: another statistic's entry state['{k}'] is {state[k]!r}, expected {v!r}",
                                   hint=STAT_HINT)
            expect_close(got["p"], params[i], what=f"p after {what} (a statistic leaves p alone)", atol=0, rtol=0)
            expect_close(got["grad"], grad, what=f"p.grad after {what} (a statistic only reads it)", atol=0, rtol=0)


@exercise("AverageGrad", points=4, hint="grad_avg = mom * grad_avg + mom_damp * grad with mom_damp = 1 - mom if "
                                        "dampening else 1 (the default: no dampening, as SGD's momentum); store "
                                        "mom_damp in the state and return the state")
@settings(max_examples=40)
@given(args=stat_inputs())
def test_average_grad_follows_its_formula(impl, args):
    """AverageGrad() / AverageGrad(dampening=...) starts each parameter's grad_avg at zeros like p and updates it to
    mom * grad_avg + mom_damp * grad with that step's mom, per parameter, storing mom_damp; it keeps the other
    entries of the state and leaves p and p.grad alone."""
    kwargs, params, foreign, steps, dtype = args
    report = impl.run(probe.stat_updates, "AverageGrad", kwargs, params, foreign, steps)
    expect_stat_run(report, "AverageGrad", kwargs, params, foreign, steps, dtype)


@exercise("AverageSqrGrad", points=4, hint="sqr_avg = sqr_mom * sqr_avg + sqr_damp * grad**2 with sqr_damp = 1 - "
                                           "sqr_mom if dampening else 1 (the default: dampening, as Adam's); store "
                                           "sqr_damp in the state and return the state")
@settings(max_examples=40)
@given(args=stat_inputs())
def test_average_sqr_grad_follows_its_formula(impl, args):
    """AverageSqrGrad() / AverageSqrGrad(dampening=...) starts each parameter's sqr_avg at zeros like p and updates
    it to sqr_mom * sqr_avg + sqr_damp * grad**2, per parameter, storing sqr_damp; it keeps the other entries of
    the state and leaves p and p.grad alone."""
    kwargs, params, foreign, steps, dtype = args
    report = impl.run(probe.stat_updates, "AverageSqrGrad", kwargs, params, foreign, steps)
    expect_stat_run(report, "AverageSqrGrad", kwargs, params, foreign, steps, dtype)


@exercise("StepCount", points=3, hint="the count lives in each parameter's state (init_state gives 0, update adds "
                                      "1 and returns the state), so it is 1 at a parameter's first step")
@settings(max_examples=30)
@given(args=stat_inputs(flags=(None,)))
def test_step_count_counts_each_parameters_steps_from_1(impl, args):
    """StepCount() gives each parameter's state step = 1 at its first update, 2 at the next, ..., per parameter;
    it keeps the other entries of the state and leaves p and p.grad alone."""
    _, params, foreign, steps, _ = args
    report = impl.run(probe.stat_updates, "StepCount", {}, params, foreign, steps)
    for i, init in enumerate(report["init"]):
        expect_state_dict(init, f"StepCount().init_state(p) for parameter {i}")
    counts = [0] * len(params)
    for t, (seen, step) in enumerate(zip(report["steps"], steps)):
        for got, (i, grad, _) in zip(seen, step):
            counts[i] += 1
            what = f"StepCount(): parameter {i} (of {len(params)}) after update {t + 1}, its update {counts[i]}"
            state = expect_state_dict(got["state"], what)
            if as_number(state.get("step")) != counts[i]:
                raise Mismatch(f"{what}: state['step'] is {state.get('step')!r}, expected {counts[i]}",
                               hint="step counts this parameter's steps, this one included: 1 at the first")
            for k in foreign:
                if k not in state:
                    raise Mismatch(f"{what}: the state lost another statistic's entry '{k}'", hint=STAT_HINT)
            expect_close(got["p"], params[i], what=f"p after {what}", atol=0, rtol=0)
            expect_close(got["grad"], grad, what=f"p.grad after {what}", atol=0, rtol=0)


@exercise("AverageGrad", points=2, hint="AverageGrad() with momentum_step is SGD's momentum: grad_avg = mom * "
                                        "grad_avg + grad, one average per parameter")
@training_settings
@given(case=scenarios("momentum"))
def test_average_grad_trains_like_torch_sgd_momentum(impl, case):
    """With the kit's StatefulOptimizer and momentum_step, AverageGrad() makes torch.optim.SGD(momentum=mom) at
    every step, per parameter and group."""
    scenario, dtype = case
    run_training(impl, momentum_recipe("AverageGrad"), "momentum", scenario, dtype,
                 "StatefulOptimizer(params, [momentum_step], stats=[AverageGrad()])")


@exercise("AverageSqrGrad", points=2, hint="with the kit's other pieces, AverageSqrGrad() is Adam's second "
                                           "moment: sqr_avg = sqr_mom * sqr_avg + (1 - sqr_mom) * grad**2")
@training_settings
@given(case=scenarios("adamw"))
def test_average_sqr_grad_trains_like_torch_adamw(impl, case):
    """With the kit's other Adam pieces, AverageSqrGrad() makes torch.optim.AdamW at every step."""
    scenario, dtype = case
    run_training(impl, adam_recipe("AverageSqrGrad"), "adamw", scenario, dtype, "AdamW from the kit's pieces")


@exercise("StepCount", points=1, hint="Adam's debiasing reads step: 1 at a parameter's first step, counted per "
                                      "parameter")
@training_settings
@given(case=scenarios("adamw"))
def test_step_count_trains_like_torch_adamw(impl, case):
    """With the kit's other Adam pieces, StepCount() makes torch.optim.AdamW at every step (parameters that skip
    steps included: each counts its own)."""
    scenario, dtype = case
    run_training(impl, adam_recipe("StepCount"), "adamw", scenario, dtype, "AdamW from the kit's pieces")


@exercise("AverageGrad", points=1, hint="AverageGrad(dampening=True) is Adam's first moment: grad_avg = mom * "
                                        "grad_avg + (1 - mom) * grad, mom_damp = 1 - mom")
@training_settings
@given(case=scenarios("adamw"))
def test_damped_average_grad_trains_like_torch_adamw(impl, case):
    """With the kit's other Adam pieces, AverageGrad(dampening=True) makes torch.optim.AdamW at every step."""
    scenario, dtype = case
    run_training(impl, adam_recipe("AverageGrad"), "adamw", scenario, dtype, "AdamW from the kit's pieces")


# --- StatefulOptimizer --------------------------------------------------------------------------------------

STATEFUL_MOMENTUM = recipe("StatefulOptimizer", "StatefulOptimizer", ["momentum_step"],
                           [["AverageGrad", {}], ["StepCount", {}]], record=True, trace=True)
STATEFUL_ADAM = adam_recipe("StatefulOptimizer")


@exercise("StatefulOptimizer", points=3, hint=STATEFUL_HINT)
@training_settings
@given(case=scenarios("momentum"))
def test_stateful_optimizer_with_momentum_equals_torch_sgd_momentum(impl, case):
    """StatefulOptimizer(params, [momentum_step], stats=[AverageGrad()]) (the kit's pieces) equals
    torch.optim.SGD(momentum=mom) at every step, each group with its own scheduled hypers; param_groups hold
    the stats' and steppers' _defaults updated with what was passed."""
    scenario, dtype = case
    run_training(impl, STATEFUL_MOMENTUM, "momentum", scenario, dtype, "StatefulOptimizer with momentum",
                 groups_hint=GROUPS_HINT)


@exercise("StatefulOptimizer", points=3, hint=STATEFUL_HINT)
@training_settings
@given(case=scenarios("adamw"))
def test_stateful_optimizer_with_adam_pieces_equals_torch_adamw(impl, case):
    """StatefulOptimizer(params, [weight_decay, adam_step], stats=[AverageGrad(True), AverageSqrGrad(),
    StepCount()]) (the kit's pieces) equals torch.optim.AdamW at every step, each parameter with its own state."""
    scenario, dtype = case
    run_training(impl, STATEFUL_ADAM, "adamw", scenario, dtype, "StatefulOptimizer with Adam's pieces",
                 groups_hint=GROUPS_HINT)


@exercise("StatefulOptimizer", points=3, hint=STATEFUL_HINT)
@training_settings
@given(case=scenarios("momentum"))
def test_stateful_optimizer_inits_then_updates_then_steps(impl, case):
    """Per step and parameter with a gradient: init_state at its first step only, then each stat's update with
    the group's hypers, then each stepper with **state and **hypers (step and the stat's count as of this
    step); parameters whose .grad is None get no call and no state (len(opt.state) counts those that stepped)."""
    scenario, dtype = case
    report = impl.run(probe.train, STATEFUL_MOMENTUM, scenario)
    start = expected_start(STATEFUL_MOMENTUM, scenario["defaults"])
    expect_groups(report["start"], scenario, [start] * len(scenario["params"]), "param_groups after construction")
    hypers = schedule(start, scenario)
    counts = [0] * sum(len(group) for group in scenario["params"])
    for t, step in enumerate(report["steps"]):
        expect_log(step["log"], scenario, t, hypers, "StatefulOptimizer.step()", stateful=True, counts=counts,
                   hint=STATEFUL_HINT)
        stepped = sum(1 for n in counts if n > 0)
        if step["n_state"] != stepped:
            raise Mismatch(f"after step {t + 1}, len(opt.state) is {step['n_state']}, expected {stepped}: one entry "
                           f"for each parameter that has had a gradient at some step, and none for the others",
                           hint=STATEFUL_HINT)


@exercise("StatefulOptimizer", points=2, hint=GROUPS_HINT)
@settings(max_examples=30)
@given(case=scenarios(CONSTRUCT_SCENARIO_KIND, min_steps=1, max_steps=1), again_seed=seeds)
def test_stateful_optimizer_param_groups_merge_the_defaults(impl, case, again_seed):
    """param_groups hold the steppers' and the stats' _defaults updated with the keywords passed (what is passed
    wins); a second optimizer on the same steppers and stats gets their _defaults as they were, unchanged."""
    scenario, _ = case
    again = second_keywords(again_seed)
    rec = STATEFUL_MOMENTUM
    got = impl.run(probe.construct, rec, scenario, again)
    n = len(scenario["params"])
    expect_groups(got["first"], scenario, [expected_start(rec, scenario["defaults"])] * n,
                  f"StatefulOptimizer(params, steppers, stats, **{scenario['defaults']}).param_groups")
    expect_groups(got["second"], scenario, [expected_start(rec, again)] * n,
                  f"a second StatefulOptimizer(params, the same steppers and stats, **{again}).param_groups")
    want = [probe.STAT_DEFAULTS[name] for name, _ in rec["stats"]] + [probe.TRACE_DEFAULTS]
    if got["stats"] != want:
        raise Mismatch(f"the stats' _defaults after building two optimizers are {got['stats']}, expected them "
                       f"unchanged: {want} (merge into a new dict: hypers = {{}}; hypers.update(...))")
    want = [probe.RECORDER_DEFAULTS["first"], *[probe.STEPPER_DEFAULTS[s] for s in rec["steppers"]],
            probe.RECORDER_DEFAULTS["last"]]
    if got["steppers"] != want:
        raise Mismatch(f"the steppers' _defaults after building two optimizers are {got['steppers']}, expected "
                       f"them unchanged: {want}")


# --- adam_opt ---------------------------------------------------------------------------------------------

ADAM_OPT_GROUPS_HINT = ("adam_opt(**defaults) returns partial(StatefulOptimizer, steppers=..., stats=..., "
                        "**defaults): called with (params, **more) it builds an optimizer whose groups hold the "
                        "pieces' _defaults, then defaults, then more (what is given at the call wins), and it can "
                        "be called again: do not change defaults")


@st.composite
def adam_opt_cases(draw, kind):
    """(scenario, dtype, first, second): the keywords of two calls of adam_opt(**defaults)'s result: the first
    with lr (as the Learner passes it) and sometimes more, the second with nothing or other values."""
    scenario, dtype = draw(scenarios(kind))
    g = torch.Generator().manual_seed(scramble(draw(seeds)))
    keys = ["lr", "mom", "sqr_mom", "eps"] + (["wd"] if kind == "adamw" else [])
    first = {"lr": hyper(g, "lr"), **{k: hyper(g, k) for k in keys[1:] if _chance(g, 0.3)}}
    second = {k: hyper(g, k) for k in keys if _chance(g, 0.3)}
    return scenario, dtype, first, second


@exercise("adam_opt", points=4, hint="adam_opt returns partial(StatefulOptimizer, steppers=[weight_decay, "
                                     "adam_step], stats=[AverageGrad(dampening=True), AverageSqrGrad(), "
                                     "StepCount()], **defaults): decoupled decay first, then Adam's step")
@training_settings
@given(case=adam_opt_cases("adamw"), wd=st.booleans())
def test_adam_opt_equals_torch_adamw_and_adam(impl, case, wd):
    """adam_opt(**defaults)(params, lr=...) (the module's other pieces the kit's) equals
    torch.optim.AdamW(lr, betas=(mom, sqr_mom), eps=eps, weight_decay=wd) at every step, and with no wd
    torch.optim.Adam; a second optimizer from the same adam_opt(...) with other keywords is independent."""
    scenario, dtype, first, second = case
    if not wd:
        scenario = without_wd(scenario)
        first, second = ({k: v for k, v in kw.items() if k != "wd"} for kw in (first, second))
    kind = "adamw" if wd else "adam"
    report = impl.run(probe.adam_opt_pair, scenario, first, second)
    pieces = {"exercise": "adam_opt", **ADAM_PIECES}
    for which, keywords, got in zip(("first", "second"), (first, second), report):
        start = expected_start(pieces, {**scenario["defaults"], **keywords})
        expect_training(got, kind, scenario, start, dtype,
                        f"the {which} optimizer of adam_opt(**{scenario['defaults']}), called with (params, "
                        f"**{keywords}) ({describe(scenario)})", groups_hint=ADAM_OPT_GROUPS_HINT)
