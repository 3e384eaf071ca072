"""Strategies for hooks: small models as plain specs (see tests/probes/hooks.py's `layer_from`), their
parameter values and inputs, all derived from seeds the judge draws."""
from __future__ import annotations

import torch
from hypothesis import strategies as st

from tests.probes import hooks as probe

seeds = st.integers(0, 2**31 - 1)
# Sides from 1 (a single feature, a batch of one) to 6: every exercise here is about where values go, not
# about size; 6 keeps the float64 recomputations exact to a few roundings.
sides = st.integers(1, 6)
activations = st.sampled_from(["relu", "tanh"])


def scramble(seed: int, salt: int) -> int:
    """A seed unrelated to `seed` (a multiplicative hash, modulo 2^63), one per `salt`."""
    return (seed * 0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019 * (salt + 1)) % 2**63


def normal(seed: int, shape, dtype=torch.float64, scale: float = 1.0, offset: float = 0.0) -> torch.Tensor:
    """Standard normal values * scale + offset, from a generator seeded with `seed` (drawn in float64)."""
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(tuple(shape), generator=g, dtype=torch.float64) * scale + offset).to(dtype)


def parameters_for(spec, seed: int, dtype=torch.float64, scale: float = 1.0, bias_scale: float = 1.0):
    """Values for the parameters of `probe.build(spec, ...)`, in order: weights normal / sqrt(fan in) * scale
    (so every layer keeps its input's magnitude), biases and 1-d parameters normal * bias_scale."""
    values = []
    for i, shape in enumerate(probe.parameter_shapes(spec)):
        if len(shape) > 1:
            fan_in = max(1, int(torch.tensor(shape[1:]).prod()))
            values.append(normal(scramble(seed, i), shape, dtype, scale / fan_in ** 0.5))
        else:
            values.append(normal(scramble(seed, i), shape, dtype, bias_scale))
    return values


@st.composite
def mlps(draw):
    """(spec, n_in): Linear(n_in, h) -> relu or tanh -> Linear(h, n_out), with biases; sides from 1."""
    n_in, hidden, n_out = draw(sides), draw(sides), draw(sides)
    return [["linear", n_in, hidden, True], [draw(activations)], ["linear", hidden, n_out, True]], n_in


@st.composite
def cnns(draw, classes: bool = False):
    """(spec, c_in): Conv2d(c_in, k1, 3) -> relu -> Conv2d(k1, k2, ks, stride) -> relu, and with `classes`
    AdaptiveAvgPool2d(1) -> Flatten -> Linear(k2, n_classes): a network whose class scores depend on every
    position of the second convolution's output."""
    c_in, k1, k2 = draw(st.integers(1, 3)), draw(st.integers(1, 4)), draw(st.integers(1, 4))
    ks, stride = draw(st.sampled_from([1, 3])), draw(st.sampled_from([1, 2]))
    spec = [["conv", c_in, k1, 3, 1, True], ["relu"], ["conv", k1, k2, ks, stride, draw(st.booleans())], ["relu"]]
    if classes:
        spec += [["pool"], ["flatten"], ["linear", k2, draw(st.integers(1, 5)), True]]
    return spec, c_in


@st.composite
def init_specs(draw, kind: str | None = None):
    """A model for init_cnn: Conv2d and Linear layers with and without bias, at the top, inside nested
    nn.Sequentials two levels deep, and sometimes the model itself a single Conv2d or Linear; BatchNorm2d
    and LayerNorm (which have weights and biases too) among them. Enough weights per kind (hundreds to
    thousands) for the statistical tests to see a wrong spread. With `kind` ("conv" or "linear"), one that holds
    layers of that kind."""
    def conv(c_in, c_out):
        return ["conv", c_in, c_out, draw(st.sampled_from([1, 3, 5])), draw(st.sampled_from([1, 2])),
                draw(st.booleans())]

    def linear(n_in, n_out):
        return ["linear", n_in, n_out, draw(st.booleans())]

    shape = draw(st.sampled_from([k for k in ("conv", "linear", "network") if kind is None or k in (kind, "network")]))
    if shape == "conv":
        return conv(draw(st.integers(1, 16)), draw(st.integers(1, 32)))
    if shape == "linear":
        return linear(draw(st.integers(1, 64)), draw(st.integers(1, 64)))
    c0, c1, c2 = draw(st.integers(1, 4)), draw(st.integers(2, 16)), draw(st.integers(2, 32))
    hidden, n_out = draw(st.integers(2, 64)), draw(st.integers(1, 10))
    block = ["seq", [conv(c1, c2), ["bn", c2], ["relu"]]]
    return [conv(c0, c1), ["bn", c1], ["relu"], ["seq", [block, conv(c2, c2)]], ["pool"], ["flatten"],
            ["seq", [linear(c2, hidden), ["ln", hidden], ["relu"], ["seq", [linear(hidden, n_out)]]]]]
