"""sched_lin, sched_cos, combine_scheds, and OneCycle against torch's OneCycleLR step for step."""
from __future__ import annotations

import math

import torch
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from grader.testing import Mismatch, exercise
from tests.probes import schedule as probe
from tests.schedule_strategies import (
    ends,
    left_to_right_bounds,
    one_cycle_kwargs,
    one_fit,
    phased,
    positions,
    rounded_phased,
    steps,
)

F32 = torch.finfo(torch.float32)


def float32_bound(start: float, end: float) -> float:
    """How far a correct sched_lin or sched_cos may be from the exact value: float32's rounding of the formula.

    The contract's formulas, start + w * (end - start) with w = pos or (1 - cos(pi * pos)) / 2,
    may be computed in float32, as the lesson does with tensors. With u = eps32 / 2 = 2^-24 (one
    rounding) and S = |start| + |end| (w lies in [0, 1], so |value| <= max(|start|, |end|) <= S):
    rounding start and end, then end - start, costs 2uS on the difference; pi * pos rounded (at
    most 3 roundings of a product up to pi, 3*pi*u) moves cos by as much, cos itself and 1 - cos
    add 1 + 2 ulps, so w is off by at most ~7u; w times the difference by 2uS + 7u * S + uS; start
    and the final sum uS each. In all about 12u * S = 6 eps32 * S; measured on float32 versions
    written five ways (torch.tensor, torch.cos, torch.lerp, a weighted average, the lesson's
    1 + cos(pi * (1 - pos))) the worst was 1.9 eps32 * S. The bound: 8 eps32 * S (1e-6 * S),
    plus 8 of float32's smallest normal numbers for ends that underflow in float32. A mistake in
    the formula (pi * pos / 2, 1 + cos, a missing start) is off by a fraction of S, far beyond it.
    """
    return 8 * F32.eps * (abs(start) + abs(end)) + 8 * F32.tiny


def expect_numbers(got, expected, what, bounds=None, rel=1e-9):
    """Lists of floats, element by element, within bounds[i] (default rel * (1 + |expected|))."""
    __tracebackhide__ = True
    if not isinstance(got, list) or len(got) != len(expected):
        raise Mismatch(f"{what}: expected {len(expected)} numbers, got {got!r}")
    for i, (g, e) in enumerate(zip(got, expected)):
        bound = rel * (1 + abs(e)) if bounds is None else bounds[i]
        if not (isinstance(g, float) and math.isfinite(g)) or abs(g - e) > bound:
            raise Mismatch(f"{what} #{i}: expected {e!r}, actual {g!r} (allowed difference {bound:.3g})")


def with_both_ends(cases):
    """The drawn (start, end, pos) triples plus pos 0 and pos 1 for the first pair."""
    return list(cases) + [(cases[0][0], cases[0][1], 0.0), (cases[0][0], cases[0][1], 1.0)]


@exercise("sched_lin", points=2, hint="start + pos * (end - start): start at pos 0, end at pos 1")
@given(cases=st.lists(st.tuples(ends, ends, positions), min_size=1, max_size=20))
def test_sched_lin(impl, cases):
    """sched_lin(start, end, pos) is the straight line from start (pos 0) to end (pos 1), to float32's precision.

    Judged within float32_bound(start, end) = 8 eps32 (|start| + |end|): a float32 evaluation
    of the formula (tensors, as in the lesson) is correct work (float32_bound derives it).
    """
    cases = with_both_ends(cases)
    got = impl.run(probe.values, "sched_lin", *[list(column) for column in zip(*cases)])
    expect_numbers(got, [s + p * (e - s) for s, e, p in cases], "sched_lin(start, end, pos)",
                   bounds=[float32_bound(s, e) for s, e, _ in cases])


@exercise("sched_cos", points=2, hint="start + (1 - cos(pi * pos)) * (end - start) / 2: cos(0) = 1 gives start "
                                      "at pos 0, cos(pi) = -1 gives end at pos 1")
@given(cases=st.lists(st.tuples(ends, ends, positions), min_size=1, max_size=20))
def test_sched_cos(impl, cases):
    """sched_cos(start, end, pos) is half a cosine from start (pos 0) to end (pos 1), to float32's precision.

    Judged within float32_bound(start, end) = 8 eps32 (|start| + |end|): a float32 evaluation
    of the formula (torch.cos on tensors, as in the lesson) is correct work (float32_bound derives it).
    """
    cases = with_both_ends(cases)
    got = impl.run(probe.values, "sched_cos", *[list(column) for column in zip(*cases)])
    expect_numbers(got, [s + (1 - math.cos(math.pi * p)) * (e - s) / 2 for s, e, p in cases],
                   "sched_cos(start, end, pos)", bounds=[float32_bound(s, e) for s, e, _ in cases])


def phase_value(phase, local):
    """A phase [kind, start, end] at its own pos `local`, in float64."""
    kind, start, end = phase
    if kind == "lin":
        return start + local * (end - start)
    return start + (1 - math.cos(math.pi * local)) * (end - start) / 2


def combined_reference(pcts, phases, pos):
    """The contract's value at pos, with the boundaries added left to right (pos on one: the earlier phase)."""
    bounds = left_to_right_bounds(pcts)
    for i, phase in enumerate(phases):
        if pos <= bounds[i + 1] or i == len(pcts) - 1:
            return phase_value(phase, min((pos - bounds[i]) / pcts[i], 1.0))


@exercise("combine_scheds", points=3, hint="find the phase whose span holds pos (a boundary goes to the earlier "
                                           "phase: compare with <=), rescale pos to that phase's [0, 1], and make "
                                           "pos 1 land in the last phase")
@given(case=phased())
def test_combine_scheds(impl, case):
    """The combined schedule runs each phase over its share; boundaries belong to the earlier phase; pos 1 works."""
    pcts, phases, points = case
    got = impl.run(probe.combined, pcts, phases, points)["values"]
    expect_numbers(got, [combined_reference(pcts, phases, p) for p in points],
                   f"combine_scheds({pcts}, ...)(pos) at pos {points}")


# A pos this close to an inner boundary is on it, whichever order the fractions are added in (n of them
# differ by at most n ulps, about 1e-15): it may go to either side of it.
ON_A_BOUNDARY = 1e-12


@exercise("combine_scheds", points=2, hint="fractions like [0.7, 0.2, 0.1] add up to 0.9999999999999999 in floating "
                                           "point: pos 1 must still land in the last phase (make the last phase "
                                           "take whatever lies beyond the second-to-last boundary), and nothing "
                                           "may ask for sum(pcts) == 1 exactly")
@given(case=rounded_phased())
def test_combine_scheds_when_pcts_sum_to_1_only_up_to_rounding(impl, case):
    """With pcts that sum to 1 only up to rounding, pos 0, pos 1 and every position land in the right phase.

    Within 1e-12 of an inner boundary a position is on it; where the fractions are added in
    another order it may land just on the other side, so there the value may be the earlier
    phase's end or the later phase's start. Everywhere else, pos 1 and the float below it
    included, the value is the contract's, within 1e-9 * (1 + |value|).
    """
    pcts, phases, points = case
    got = impl.run(probe.combined, pcts, phases, points)["values"]
    what = f"combine_scheds({pcts}, ...)(pos) (sum(pcts) = {sum(pcts)!r})"
    if not isinstance(got, list) or len(got) != len(points):
        raise Mismatch(f"{what}: expected {len(points)} numbers, got {got!r}")
    inner = left_to_right_bounds(pcts)[1:-1]
    for pos, value in zip(points, got):
        near = [i for i, bound in enumerate(inner) if abs(pos - bound) <= ON_A_BOUNDARY]
        if not (isinstance(value, float) and math.isfinite(value)):
            raise Mismatch(f"{what} at pos {pos!r}: expected a finite number, actual {value!r}")
        if near:
            i = near[0]
            allowed = [phase_value(phases[i], 1.0), phase_value(phases[i + 1], 0.0)]
            if not any(abs(value - e) <= 1e-9 * (1 + abs(e)) for e in allowed):
                raise Mismatch(f"{what} at pos {pos!r}, on the boundary between phases {i} and {i + 1}: expected "
                               f"{allowed[0]!r} (phase {i} at its pos 1) or {allowed[1]!r} (phase {i + 1} at its "
                               f"pos 0), actual {value!r}")
        else:
            expected = combined_reference(pcts, phases, pos)
            if abs(value - expected) > 1e-9 * (1 + abs(expected)):
                raise Mismatch(f"{what} at pos {pos!r}: expected {expected!r}, actual {value!r}")


@exercise("combine_scheds", points=1, hint="pcts and scheds belong to the caller: build the boundaries in a new "
                                           "list (a running sum, itertools.accumulate) instead of changing pcts in "
                                           "place, and leave scheds as it came")
@settings(max_examples=30)
@given(case=phased())
def test_combine_scheds_leaves_its_arguments_unchanged(impl, case):
    """After combine_scheds(pcts, scheds) and calls of the schedule, pcts and scheds are exactly as they were.

    The schedule is called at 0 and at positions inside the phases only (not at pos 1 or on a
    boundary, which have tests of their own), so that a mistake there is not charged again here.
    """
    pcts, phases, points = case
    bounds = left_to_right_bounds(pcts)
    points = [p for p in points if p not in bounds[1:]]
    got = impl.run(probe.combined, pcts, phases, points)
    if got["pcts"] != pcts or not all(type(p) is float for p in got["pcts"]):
        raise Mismatch(f"combine_scheds(pcts, scheds) changed pcts: {pcts} became {got['pcts']}")
    if got["scheds"] != list(range(len(phases))):
        raise Mismatch(f"combine_scheds(pcts, scheds) changed scheds, a list of {len(phases)} functions: afterwards "
                       f"it holds {got['scheds']} (the positions of the functions given, None for new ones)")


# --- OneCycle ------------------------------------------------------------------------------------

def torch_one_cycle(kwargs, fit):
    """[[lr, momentum] per group] for each of the fit's T steps, from torch's own OneCycleLR.

    For the kit's own optimizers (probe.KIT), which torch cannot schedule, the reference is torch's SGD with
    momentum over groups of the same lrs: OneCycleLR's values do not depend on the optimizer.
    """
    total = steps(fit)
    if fit["optimizer"] == probe.KIT:
        opt = probe.make_optimizer("sgd", [{"lr": hypers["lr"]} for hypers in fit["groups"]])
    else:
        opt = probe.make_optimizer(fit["optimizer"], fit["groups"])
    scheduler = torch.optim.lr_scheduler.OneCycleLR(
        opt, kwargs["max_lr"], total_steps=total, pct_start=kwargs["pct_start"], div_factor=kwargs["div"],
        final_div_factor=kwargs["div_final"], anneal_strategy="cos", max_momentum=kwargs["moms"][0],
        base_momentum=kwargs["moms"][1])
    seen = []
    for step in range(total):
        seen.append([[g["lr"], g["betas"][0] if "betas" in g else g["momentum"]] for g in opt.param_groups])
        if step < total - 1:
            opt.step()
            scheduler.step()
    return seen


MOMENTS = ("right after before_batch", "when opt.step() runs (after after_backward)")


def expect_records(got, fit, what):
    """The probe's records of one fit: one per training batch, each [groups at MOMENTS[0], groups at MOMENTS[1]]."""
    __tracebackhide__ = True
    total = steps(fit)
    if not isinstance(got, list) or len(got) != total:
        raise Mismatch(f"{what}: recorded {len(got) if isinstance(got, list) else got!r} training batches, "
                       f"expected {total}")
    for step, records in enumerate(got):
        for groups in records:
            if not isinstance(groups, list) or len(groups) != len(fit["groups"]):
                raise Mismatch(f"{what}: training batch {step}: {groups!r} for {len(fit['groups'])} groups")


def expect_one_cycle(got, kwargs, fit, what):
    """Every group's lr and momentum at both MOMENTS of every training batch equal torch's OneCycleLR's."""
    __tracebackhide__ = True
    expect_records(got, fit, what)
    expected = torch_one_cycle(kwargs, fit)
    total = len(expected)
    for step, (records, e_groups) in enumerate(zip(got, expected)):
        for moment, g_groups in zip(MOMENTS, records):
            for group, (g, e) in enumerate(zip(g_groups, e_groups)):
                for name, gv, ev in (("lr", g[0], e[0]), ("momentum", g[1], e[1])):
                    if gv is None or abs(gv - ev) > 1e-9 * (1 + abs(ev)):
                        raise Mismatch(f"{what}: training batch {step} of {total} ({fit['optimizer']}, group "
                                       f"{group}), {moment}: {name} {gv!r}, torch's OneCycleLR gives {ev!r}")


@exercise("OneCycle", points=6, hint="T = n_epochs * len(dls.train) counts training batches only; batch i "
                                     "(from 0) gets step i of the cycle: cosine warm-up from max_lr/div to max_lr "
                                     "until step pct_start*T - 1, then cosine down to max_lr/div/div_final; "
                                     "momentum the other way, in betas[0] for Adam; every parameter group; set "
                                     "in before_batch, for that batch's opt.step()")
@settings(max_examples=80)
@given(data=st.data(), kwargs=one_cycle_kwargs())
def test_one_cycle_equals_torch_one_cycle_lr(impl, data, kwargs):
    """Each training batch's lr and momentum, in every group, equal torch's OneCycleLR after as many steps.

    They are read right after before_batch and again when opt.step() runs (after
    after_backward), and must be that batch's at both. OneCycle runs with the kit's
    sched_lin, sched_cos and combine_scheds in place of the student's.
    """
    fit = data.draw(one_fit(kwargs["pct_start"]), label="fit")
    (got,) = impl.run(probe.one_cycle, kwargs, [fit])
    expect_one_cycle(got, kwargs, fit, f"OneCycle({kwargs})")


@exercise("OneCycle", points=1, hint="Adam's momentum is betas[0] only: set group['betas'] = (mom, "
                                     "group['betas'][1]), keeping the group's own second beta")
@settings(max_examples=20)
@given(data=st.data(), kwargs=one_cycle_kwargs())
def test_one_cycle_keeps_each_groups_second_beta(impl, data, kwargs):
    """With Adam or AdamW, every group's betas[1] stays what the group had, at every training batch."""
    fit = data.draw(one_fit(kwargs["pct_start"], optimizers=("adam", "adamw")), label="fit")
    (got,) = impl.run(probe.one_cycle, kwargs, [fit])
    what = f"OneCycle({kwargs}) with {fit['optimizer']}"
    expect_records(got, fit, what)
    for step, records in enumerate(got):
        for moment, groups in zip(MOMENTS, records):
            for group, (g, hypers) in enumerate(zip(groups, fit["groups"])):
                if g[2] != hypers["betas"][1]:
                    raise Mismatch(f"{what}: training batch {step}, group {group}, {moment}: betas[1] is {g[2]!r}; "
                                   f"the group was made with betas[1] = {hypers['betas'][1]!r}, which OneCycle "
                                   f"must leave alone")


@exercise("OneCycle", points=2, hint="a fit starts the cycle again: reset the step counter and count T from "
                                     "learn.n_epochs and learn.dls in before_fit, every fit, and set the groups of "
                                     "the optimizer the Learner made for this fit (learn.opt)")
@settings(max_examples=30)
@given(data=st.data(), kwargs=one_cycle_kwargs())
def test_one_cycle_starts_again_each_fit(impl, data, kwargs):
    """One OneCycle through two fits (another T, a new optimizer): each fit runs the whole cycle from step 0."""
    first = data.draw(one_fit(kwargs["pct_start"]), label="first fit")
    second = data.draw(one_fit(kwargs["pct_start"]), label="second fit")
    assume(steps(first) != steps(second))  # a cycle length kept from the first fit shows too
    got = impl.run(probe.one_cycle, kwargs, [first, second])
    if not isinstance(got, list) or len(got) != 2:
        raise Mismatch(f"expected the records of two fits, got {got!r}")
    expect_one_cycle(got[0], kwargs, first, f"OneCycle({kwargs}), first fit")
    expect_one_cycle(got[1], kwargs, second, f"OneCycle({kwargs}), second fit (T = {steps(second)}, after a first "
                                             f"of T = {steps(first)})")


@exercise("OneCycle", points=2, hint="the kit's own optimizers (optimizer.py) keep the momentum in group['mom']: "
                                     "set it there when a group has neither betas nor momentum, and leave "
                                     "group['sqr_mom'] as it is")
@settings(max_examples=20)
@given(data=st.data(), kwargs=one_cycle_kwargs())
def test_one_cycle_schedules_the_kits_own_optimizers(impl, data, kwargs):
    """With the kit's own optimizer (groups of lr, mom, sqr_mom), lr and mom follow OneCycleLR; sqr_mom stays.

    The optimizer is a stand-in of the kit's shape (param_groups of dicts holding lr, mom,
    sqr_mom, eps and wd, as adam_opt makes them); every group's lr and mom are read right after
    before_batch and when opt.step() runs, and judged against torch's OneCycleLR (on SGD with
    momentum: its values do not depend on the optimizer); sqr_mom must stay the group's own.
    """
    fit = data.draw(one_fit(kwargs["pct_start"], optimizers=(probe.KIT,)), label="fit")
    (got,) = impl.run(probe.one_cycle, kwargs, [fit])
    what = f"OneCycle({kwargs}) with the kit's own optimizer (groups holding mom and sqr_mom)"
    expect_one_cycle(got, kwargs, fit, what)
    for step, records in enumerate(got):
        for moment, groups in zip(MOMENTS, records):
            for group, (g, hypers) in enumerate(zip(groups, fit["groups"])):
                if g[2] != hypers["sqr_mom"]:
                    raise Mismatch(f"{what}: training batch {step}, group {group}, {moment}: sqr_mom is {g[2]!r}; "
                                   f"the group was made with sqr_mom = {hypers['sqr_mom']!r}, which OneCycle must "
                                   f"leave alone")
