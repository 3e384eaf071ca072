"""Strategies for schedule: schedule arguments, phased schedules and fits for OneCycle."""
from __future__ import annotations

import itertools
import math

from hypothesis import assume
from hypothesis import strategies as st

from tests.probes.schedule import KIT, OPTIMIZERS

# Starts and ends of either sign and any magnitude up to 10 (learning rates, momenta and more);
# tiny ones too, where a float32 evaluation underflows (the precision bound has an absolute floor for them).
ends = st.floats(-10, 10, allow_subnormal=False)
positions = st.floats(0, 1, allow_subnormal=False)


def random_phases(draw, n):
    """n phases, each [kind, start, end]: lin or cos between two drawn ends (jumps at the boundaries)."""
    return [[draw(st.sampled_from(["lin", "cos"])), draw(ends), draw(ends)] for _ in range(n)]


@st.composite
def phased(draw):
    """pcts in eighths (so every boundary is exact in binary), 1 to 4 phases, their schedules, and positions.

    Positions include 0, 1 and every boundary, where the contract is most precise.
    """
    n = draw(st.integers(1, 4))
    cuts = sorted(draw(st.lists(st.integers(1, 7), min_size=n - 1, max_size=n - 1, unique=True)))
    bounds = [0, *cuts, 8]
    pcts = [(b - a) / 8 for a, b in zip(bounds, bounds[1:])]
    points = [0.0, 1.0, *[c / 8 for c in cuts], *draw(st.lists(positions, max_size=10))]
    return pcts, random_phases(draw, len(pcts)), points


# Fractions whose float64 sum, added left to right, is 1 only up to rounding: below 1 (0.7 + 0.2 + 0.1 is
# 0.9999999999999999, seven sevenths 0.9999999999999998), above 1 (0.2 + 0.4 + 0.3 + 0.1 is 1.0000000000000002),
# or exactly 1 with an inner boundary that is not (0.1 + 0.2 is 0.30000000000000004).
ROUNDED_PCTS = [[0.7, 0.2, 0.1], [0.1] * 10, [1 / 7] * 7, [0.2, 0.4, 0.3, 0.1], [0.1, 0.2, 0.7], [1 / 3] * 3]


def left_to_right_bounds(pcts):
    """[0, pcts[0], pcts[0] + pcts[1], ...] added left to right in float64: the boundaries the judge uses."""
    return list(itertools.accumulate(pcts, initial=0.0))


@st.composite
def rounded_phased(draw):
    """pcts of tenths, hundredths, thirds or sevenths (a curated case half the time), phases and positions.

    Positions: 0, 1, the float just below 1, every inner boundary and the floats on either side of
    it, and random ones.
    """
    curated = draw(st.booleans())
    if curated:
        pcts = list(draw(st.sampled_from(ROUNDED_PCTS)))
    else:
        denominator = draw(st.sampled_from([3, 7, 10, 100]))
        n = draw(st.integers(2, min(6, denominator)))
        cuts = sorted(draw(st.lists(st.integers(1, denominator - 1), min_size=n - 1, max_size=n - 1, unique=True)))
        marks = [0, *cuts, denominator]
        pcts = [(b - a) / denominator for a, b in zip(marks, marks[1:])]
    inner = left_to_right_bounds(pcts)[1:-1]
    points = [0.0, 1.0, math.nextafter(1.0, 0.0)]
    for bound in inner:
        points += [math.nextafter(bound, 0.0), bound, math.nextafter(bound, 1.0)]
    points += draw(st.lists(positions, max_size=8))
    return pcts, random_phases(draw, len(pcts)), points


# --- OneCycle ---------------------------------------------------------------------------------------

ALL_OPTIMIZERS = tuple(sorted(OPTIMIZERS))
GROUP_LRS = [0.1, 0.01, 0.5]
# Adam's second beta: neither torch's default 0.999 nor the lesson's 0.99, and different between groups,
# so a beta2 that is hard-coded, or taken from opt.defaults or another group, shows.
BETA2S = [0.9, 0.95, 0.98]


@st.composite
def one_cycle_kwargs(draw):
    """OneCycle's arguments: max_lr, pct_start, div, div_final and moms (ending where they start, as torch's)."""
    high, low = draw(st.sampled_from([(0.95, 0.85), (0.9, 0.8), (0.99, 0.9)]))
    return {"max_lr": draw(st.sampled_from([1e-3, 0.01, 0.1, 1.0])),
            "pct_start": draw(st.sampled_from([0.1, 0.25, 0.3, 0.5, 0.75, 0.9])),
            "div": draw(st.sampled_from([10.0, 25.0])), "div_final": draw(st.sampled_from([1e4, 1e5])),
            "moms": [high, low, high]}  # torch's momentum ends where it starts


@st.composite
def one_fit(draw, pct_start, optimizers=ALL_OPTIMIZERS):
    """One fit: a fresh optimizer (1 to 3 groups with their own lr, and beta2 for Adam or sqr_mom for the kit's
    own, KIT), epochs and batch counts."""
    n_epochs, n_train, n_valid = draw(st.integers(1, 3)), draw(st.integers(1, 6)), draw(st.integers(0, 2))
    assume(pct_start * n_epochs * n_train != 1)  # torch's OneCycleLR divides by zero there: no reference
    optimizer = draw(st.sampled_from(optimizers))
    groups = []
    for _ in range(draw(st.integers(1, 3))):
        hypers = {"lr": draw(st.sampled_from(GROUP_LRS))}
        if optimizer == KIT:  # adam_opt's groups: mom and sqr_mom (differing between groups, as beta2 above)
            hypers.update(mom=0.9, sqr_mom=draw(st.sampled_from(BETA2S)), eps=1e-5, wd=0.0)
        elif optimizer != "sgd":
            hypers["betas"] = [0.9, draw(st.sampled_from(BETA2S))]
        groups.append(hypers)
    return {"optimizer": optimizer, "groups": groups, "n_epochs": n_epochs, "n_train": n_train,
            "n_valid": n_valid}


def steps(fit) -> int:
    """T: the training batches of a fit."""
    return fit["n_epochs"] * fit["n_train"]
