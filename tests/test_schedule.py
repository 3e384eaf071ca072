"""Assignment 05: sched_lin, sched_cos, combine_scheds, and OneCycle against torch's OneCycleLR step for step."""
from __future__ import annotations

import math

import torch
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from grader.testing import Mismatch, exercise
from tests.probes import schedule as probe

ends = st.floats(-10, 10, allow_subnormal=False)
positions = st.floats(0, 1, allow_subnormal=False)


def expect_numbers(got, expected, what, rel=1e-9):
    """Lists of floats, element by element, within rel * (1 + |expected|)."""
    __tracebackhide__ = True
    if not isinstance(got, list) or len(got) != len(expected):
        raise Mismatch(f"{what}: expected {len(expected)} numbers, got {got!r}")
    for i, (g, e) in enumerate(zip(got, expected)):
        if not (isinstance(g, float) and math.isfinite(g)) or abs(g - e) > rel * (1 + abs(e)):
            raise Mismatch(f"{what} #{i}: expected {e!r}, actual {g!r}")


@exercise("sched_lin", points=2, hint="start + pos * (end - start): start at pos 0, end at pos 1")
@given(cases=st.lists(st.tuples(ends, ends, positions), min_size=1, max_size=20))
def test_sched_lin(impl, cases):
    """sched_lin(start, end, pos) is the straight line from start (pos 0) to end (pos 1)."""
    cases = [(s, e, p) for s, e, p in cases] + [(cases[0][0], cases[0][1], 0.0), (cases[0][0], cases[0][1], 1.0)]
    got = impl.run(probe.values, "sched_lin", *[list(column) for column in zip(*cases)])
    expect_numbers(got, [s + p * (e - s) for s, e, p in cases], "sched_lin(start, end, pos)")


@exercise("sched_cos", points=2, hint="start + (1 - cos(pi * pos)) * (end - start) / 2: cos(0) = 1 gives start "
                                      "at pos 0, cos(pi) = -1 gives end at pos 1")
@given(cases=st.lists(st.tuples(ends, ends, positions), min_size=1, max_size=20))
def test_sched_cos(impl, cases):
    """sched_cos(start, end, pos) is half a cosine from start (pos 0) to end (pos 1)."""
    cases = [(s, e, p) for s, e, p in cases] + [(cases[0][0], cases[0][1], 0.0), (cases[0][0], cases[0][1], 1.0)]
    got = impl.run(probe.values, "sched_cos", *[list(column) for column in zip(*cases)])
    expect_numbers(got, [s + (1 - math.cos(math.pi * p)) * (e - s) / 2 for s, e, p in cases],
                   "sched_cos(start, end, pos)")


@st.composite
def phased(draw):
    """pcts in eighths (so every boundary is exact in binary), 1 to 4 phases, their schedules, and positions.

    Positions include 0, 1 and every boundary, where the contract is most precise.
    """
    n = draw(st.integers(1, 4))
    cuts = sorted(draw(st.lists(st.integers(1, 7), min_size=n - 1, max_size=n - 1, unique=True)))
    bounds = [0, *cuts, 8]
    pcts = [(b - a) / 8 for a, b in zip(bounds, bounds[1:])]
    phases = [[draw(st.sampled_from(["lin", "cos"])), draw(ends), draw(ends)] for _ in pcts]
    points = [0.0, 1.0, *[c / 8 for c in cuts], *draw(st.lists(positions, max_size=10))]
    return pcts, phases, points


def combined_reference(pcts, phases, pos):
    bound = 0.0
    for i, ((kind, start, end), pct) in enumerate(zip(phases, pcts)):
        if pos <= bound + pct or i == len(pcts) - 1:
            local = min((pos - bound) / pct, 1.0)
            return start + local * (end - start) if kind == "lin" else \
                start + (1 - math.cos(math.pi * local)) * (end - start) / 2
        bound += pct


@exercise("combine_scheds", points=3, hint="find the phase whose span holds pos (a boundary goes to the earlier "
                                           "phase: compare with <=), rescale pos to that phase's [0, 1], and make "
                                           "pos 1 land in the last phase")
@given(case=phased())
def test_combine_scheds(impl, case):
    """The combined schedule runs each phase over its share; boundaries belong to the earlier phase; pos 1 works."""
    pcts, phases, points = case
    got = impl.run(probe.combined, pcts, phases, points)
    expect_numbers(got, [combined_reference(pcts, phases, p) for p in points],
                   f"combine_scheds({pcts}, ...)(pos) at pos {points}")


@st.composite
def fits(draw):
    """A fit for OneCycle: optimizer, groups, epochs and batch counts, and the callback's arguments."""
    n_epochs, n_train, n_valid = draw(st.integers(1, 3)), draw(st.integers(1, 6)), draw(st.integers(0, 2))
    total = n_epochs * n_train
    pct_start = draw(st.sampled_from([0.1, 0.25, 0.3, 0.5, 0.75, 0.9]))
    assume(pct_start * total != 1)  # torch's OneCycleLR divides by zero there: no reference to compare with
    high, low = draw(st.sampled_from([(0.95, 0.85), (0.9, 0.8), (0.99, 0.9)]))
    kwargs = {"max_lr": draw(st.sampled_from([1e-3, 0.01, 0.1, 1.0])), "pct_start": pct_start,
              "div": draw(st.sampled_from([10.0, 25.0])), "div_final": draw(st.sampled_from([1e4, 1e5])),
              "moms": [high, low, high]}  # torch's momentum ends where it starts
    optimizer = draw(st.sampled_from(sorted(probe.OPTIMIZERS)))
    group_lrs = draw(st.lists(st.sampled_from([0.1, 0.01, 0.5]), min_size=1, max_size=3))
    return kwargs, optimizer, group_lrs, n_epochs, n_train, n_valid


def torch_one_cycle(kwargs, optimizer, group_lrs, total):
    """[[lr, momentum] per group] for each of the total steps, from torch's own OneCycleLR."""
    groups = [{"params": [torch.zeros(2, requires_grad=True)], "lr": lr} for lr in group_lrs]
    opt = probe.OPTIMIZERS[optimizer](groups)
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


@exercise("OneCycle", points=6, hint="T = n_epochs * len(dls.train) counts training batches only; batch i "
                                     "(from 0) gets step i of the cycle: cosine warm-up from max_lr/div to max_lr "
                                     "until step pct_start*T - 1, then cosine down to max_lr/div/div_final; "
                                     "momentum the other way, in betas[0] for Adam; every parameter group")
@settings(max_examples=80)
@given(case=fits())
def test_one_cycle_equals_torch_one_cycle_lr(impl, case):
    """Each training batch's lr and momentum, in every group, equal torch's OneCycleLR after as many steps."""
    kwargs, optimizer, group_lrs, n_epochs, n_train, n_valid = case
    got = impl.run(probe.one_cycle, kwargs, optimizer, group_lrs, n_epochs, n_train, n_valid)
    expected = torch_one_cycle(kwargs, optimizer, group_lrs, n_epochs * n_train)
    if len(got) != len(expected):
        raise Mismatch(f"recorded {len(got)} training batches, expected {len(expected)}")
    for step, (g_groups, e_groups) in enumerate(zip(got, expected)):
        for group, (g, e) in enumerate(zip(g_groups, e_groups)):
            for what, gv, ev in (("lr", g[0], e[0]), ("momentum", g[1], e[1])):
                if abs(gv - ev) > 1e-9 * (1 + abs(ev)):
                    raise Mismatch(f"training batch {step} of {len(expected)} ({optimizer}, group {group}): {what} "
                                   f"{gv!r}, torch's OneCycleLR gives {ev!r}")
