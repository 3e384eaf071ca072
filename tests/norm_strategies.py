"""Strategies for norm: layer settings, scripts of steps, and images whose statistics differ per sample and channel.

Every image is made by the judge from a seed (`image`), in float64, then rounded once to the
dtype under test; the probe gets exactly those values, and the judge recomputes from them.
"""
from __future__ import annotations

import torch
from hypothesis import strategies as st

seeds = st.integers(0, 2**31 - 1)
channels = st.integers(1, 4)  # one channel included: per-channel and whole-batch statistics then agree
batches = st.integers(1, 4)  # a batch of one included
# Sides 1 to 5: a position count of 1 per sample included, and at most 4 * 5 * 5 = 100 values per statistic,
# so the tolerances below (which grow with the count) stay far below what a wrong statistic changes.
sides = st.integers(1, 5)
# Momentum off 0.5 (and 0.5 never drawn): lerp with its weights swapped (mom as the old value's weight) only
# shows where mom != 1 - mom; 1.0 (the batch's statistics replace the buffers) included.
moms = st.sampled_from([0.01, 0.1, 0.3, 0.7, 0.9, 1.0])
# eps from torch's default to 1: against spreads of 1e-2 (variance 1e-4) an eps added outside the square root,
# or a default other than 1e-5, changes the output by percents.
epses = st.sampled_from([1e-5, 1e-3, 0.1, 1.0])
# Spreads (standard deviations) of ordinary, small and large size; far from the float range's ends.
spreads = st.sampled_from([1.0, 1e-2, 1e2])
modes = st.sampled_from(["train", "eval"])
# Offsets far from zero for the large-offset tests, with unit spread: a variance computed as
# E[x^2] - E[x]^2 subtracts two numbers near offset^2 (1e8 in float32, whose spacing there is 8; 1e16 in
# float64, spacing 2), so it loses the variance (about 1) entirely, while two passes keep it.
OFFSETS = {torch.float32: [1e4, -2e4], torch.float64: [1e8, -2e8]}


def scramble(seed: int) -> int:
    """A seed unrelated to `seed` (a multiplicative hash, modulo 2^63)."""
    return (seed * 0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019) % 2**63


def image(seed: int, shape, dtype, spread: float = 1.0, offset: float = 0.0) -> torch.Tensor:
    """(N, C, H, W) values: offset + a centre per (sample, channel) + a spread per (sample, channel) * normal.

    Centres are normal times 2 * spread, spreads uniform in [0.5, 2] * spread: each sample and channel has
    statistics of its own, so statistics taken over the wrong dimensions (per sample instead of per channel,
    over the batch instead of per sample) are far from the right ones.
    """
    n, c = shape[0], shape[1]
    g = torch.Generator().manual_seed(scramble(seed))
    centre = torch.randn(n, c, 1, 1, generator=g, dtype=torch.float64) * 2 * spread
    scale = (0.5 + 1.5 * torch.rand(n, c, 1, 1, generator=g, dtype=torch.float64)) * spread
    noise = torch.randn(shape, generator=g, dtype=torch.float64)
    return (offset + centre + scale * noise).to(dtype)


def weights(seed: int, shape, dtype) -> torch.Tensor:
    """Upstream gradient weights w for sum(out * w): the plain sum of a normalised output has no gradient."""
    return torch.randn(shape, generator=torch.Generator().manual_seed(scramble(seed + 1)),
                       dtype=torch.float64).to(dtype)


def parameters(seed: int, shapes: dict, dtype) -> dict:
    """Random values (normal, from a generator seeded with `seed`) for the named parameters of `shapes`."""
    g = torch.Generator().manual_seed(scramble(seed + 2))
    return {name: torch.randn(shape, generator=g, dtype=torch.float64).to(dtype) for name, shape in shapes.items()}


def batch_statistics_defined(shape) -> bool:
    """BatchNorm in training needs more than one value per channel (torch raises otherwise)."""
    return shape[0] * shape[2] * shape[3] > 1


@st.composite
def batchnorm_scripts(draw, nf: int, min_steps: int = 3, max_steps: int = 6):
    """Steps [mode, shape] for one BatchNorm(nf): shapes (N, nf, H, W) change between steps; a training step
    has more than one value per channel. The script holds train -> eval -> train somewhere, so that training
    resumes from the buffers the eval steps must have left alone."""
    script = []
    for mode in draw(st.lists(modes, min_size=min_steps, max_size=max_steps)):
        shape = (draw(batches), nf, draw(sides), draw(sides))
        if mode == "train" and not batch_statistics_defined(shape):
            shape = (2, *shape[1:])  # the smallest batch with statistics
        script.append([mode, shape])
    pattern = ["train", "eval", "train"]
    if not any([m for m, _ in script[i:i + 3]] == pattern for i in range(len(script) - 2)):
        script = [[m, (2, nf, 3, 2)] for m in pattern] + script[:3]
    return script
