"""Strategies for optimizer: training scenarios (parameters, gradients, a schedule of hyper-parameters) and the
inputs of single stepper and statistic calls.

Hypothesis draws the structure (groups, shapes, steps, dtype, magnitudes); the values come from a generator
seeded with a drawn seed, in float64, rounded once to the dtype under test: the probe gets exactly those
values, and the judge recomputes from them.
"""
from __future__ import annotations

import math

import torch
from hypothesis import strategies as st

from tests.strategies import float_dtypes

seeds = st.integers(0, 2**31 - 1)
# Shapes with a side of 1, a vector, matrices and a 3-d tensor; few of them, so that parameters of the same
# shape meet often (state shared between parameters of one shape does not crash: it gives wrong values).
SHAPES = [(1,), (3,), (2, 3), (4, 1), (2, 2, 2)]
# Gradient magnitudes: small, ordinary, large. Adam divides them out, but not eps (1e-8 to 0.1, below), so the
# place of eps shows at small ones; float32 squares of 1e2 * 5 stay far from overflow.
scales = st.sampled_from([1e-2, 1.0, 1e2])
# Parameter magnitudes for the steppers' single calls, 0 included (LAMB's zero norm).
p_scales = st.sampled_from([0.0, 1e-2, 1.0, 1e2])

# The hyper-parameters each kind of training schedules, by the kit's names.
KEYS = {"sgd": ["lr"], "sgd_l2": ["lr", "wd"], "momentum": ["lr", "mom"],
        "adamw": ["lr", "mom", "sqr_mom", "eps", "wd"], "adam": ["lr", "mom", "sqr_mom", "eps"]}
# Those the constructor may leave to the steppers' and statistics' _defaults (lr has none).
OPTIONAL = {"wd", "mom", "sqr_mom", "eps"}


def scramble(seed: int) -> int:
    """A seed unrelated to `seed` (a multiplicative hash, modulo 2^63)."""
    return (seed * 0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019) % 2**63


def _uniform(g, lo, hi):
    return lo + (hi - lo) * float(torch.rand((), generator=g, dtype=torch.float64))


def _log_uniform(g, lo, hi):
    return math.exp(_uniform(g, math.log(lo), math.log(hi)))


def _chance(g, p):
    return float(torch.rand((), generator=g, dtype=torch.float64)) < p


def hyper(g, key: str) -> float:
    """One value of hyper-parameter `key`, edges included.

    lr: 0 one time in ten (nothing moves), else 1e-3 to 1. wd: 0 three times in ten, else 1e-3 to 0.5 (lr * wd
    stays below 1: the decay factor 1 - lr * wd stays positive). mom in [0.5, 0.99] and sqr_mom in [0.9, 0.9999]:
    never 0 (torch's SGD keeps no momentum buffer at momentum 0, so it would part from the kit's grad_avg there)
    and never 1 (debias divides by 1 - mom). eps from torch's 1e-8 to 0.1: large ones show where eps is added.
    """
    if key == "lr":
        return 0.0 if _chance(g, 0.1) else _log_uniform(g, 1e-3, 1.0)
    if key == "wd":
        return 0.0 if _chance(g, 0.3) else _log_uniform(g, 1e-3, 0.5)
    if key == "mom":
        return _uniform(g, 0.5, 0.99)
    if key == "sqr_mom":
        return _uniform(g, 0.9, 0.9999)
    if key == "eps":
        return _log_uniform(g, 1e-8, 0.1)
    raise KeyError(key)


def gradient(g, shape, dtype, scale):
    """A gradient: zeros one time in ten (a step that moves nothing but the averages), else normal * scale."""
    if _chance(g, 0.1):
        return torch.zeros(shape, dtype=dtype)
    return (torch.randn(shape, generator=g, dtype=torch.float64) * scale).to(dtype)


def make_scenario(kind, seed, dtype, shapes, n_steps, scale, single, none_rate=0.15):
    """A training scenario of `kind` (KEYS) for train(): see tests/probes/optimizer.py for its form.

    Parameters are normal (a zero tensor one time in ten); the constructor gets lr and some of the optional
    hyper-parameters; before the first step some groups get values of their own, and later any group may get
    a new value (as a scheduler sets them). A gradient is None with probability `none_rate` (a frozen
    parameter that step), zeros one time in ten, else normal * scale.
    """
    g = torch.Generator().manual_seed(scramble(seed))
    keys = KEYS[kind]
    params = [[torch.zeros(shape, dtype=dtype) if _chance(g, 0.1)
               else torch.randn(shape, generator=g, dtype=torch.float64).to(dtype) for shape in group]
              for group in shapes]
    defaults = {key: hyper(g, key) for key in keys if key not in OPTIONAL or _chance(g, 0.5)}
    if defaults["lr"] == 0.0:
        defaults["lr"] = _log_uniform(g, 1e-3, 1.0)  # lr 0 comes with the schedule; a start that moves
    steps = []
    for t in range(n_steps):
        sets = []
        for _ in shapes:
            changes = {}
            for key in keys:
                if _chance(g, 0.4 if t == 0 else 0.15):
                    changes[key] = hyper(g, key)
            sets.append(changes)
        grads = [[None if _chance(g, none_rate) else gradient(g, shape, dtype, scale) for shape in group]
                 for group in shapes]
        steps.append({"set": sets, "grads": grads})
    return {"params": params, "single": single, "defaults": defaults, "steps": steps}


@st.composite
def scenarios(draw, kind, max_groups=3, min_steps=5, max_steps=15):
    """(scenario, dtype): 1 to max_groups groups of 1 to 3 parameters, min_steps to max_steps steps.

    One group is passed as a generator of tensors half the time (as model.parameters() is), else as a list
    of lists.
    """
    dtype = draw(float_dtypes)
    n_groups = draw(st.integers(1, max_groups))
    shapes = [[draw(st.sampled_from(SHAPES)) for _ in range(draw(st.integers(1, 3)))] for _ in range(n_groups)]
    n_steps = draw(st.integers(min_steps, max_steps))
    single = n_groups == 1 and draw(st.booleans())
    scenario = make_scenario(kind, draw(seeds), dtype, shapes, n_steps, draw(scales), single)
    return scenario, dtype


def stepper_state(g, shape, dtype, scale, mom, sqr_mom):
    """Adam's state for a single stepper call: grad_avg normal * scale (zeros one time in ten), sqr_avg
    |normal * scale|^2 times a random factor in [0.25, 4] (0 where grad_avg is 0 one time in ten: a parameter
    whose gradients were all 0 so far), step 1 to 30 (1 one time in four), each damping 1 - mom or 1.
    """
    zero = _chance(g, 0.1)
    grad_avg = torch.zeros(shape, dtype=torch.float64) if zero else torch.randn(shape, generator=g,
                                                                                 dtype=torch.float64) * scale
    sqr_avg = (torch.randn(shape, generator=g, dtype=torch.float64) * scale) ** 2 * _uniform(g, 0.25, 4.0)
    if zero and _chance(g, 0.5):
        sqr_avg = torch.zeros(shape, dtype=torch.float64)
    step = 1 if _chance(g, 0.25) else int(_uniform(g, 1, 31))
    return {"grad_avg": grad_avg.to(dtype), "sqr_avg": sqr_avg.to(dtype), "step": step,
            "mom_damp": 1 - mom if _chance(g, 0.5) else 1.0,
            "sqr_damp": 1 - sqr_mom if _chance(g, 0.5) else 1.0}
