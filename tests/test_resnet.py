"""Assignment 07: conv_layer and ResBlock, recomputed independently with torch.nn.functional.

The probe exports the layers it finds (Conv2d and BatchNorm2d, in registration
order, whatever the student named them); the judge recomputes the output from
those parameters with F.conv2d, F.batch_norm, F.avg_pool2d and relu, so any
correct arrangement of modules is accepted.
"""
from __future__ import annotations

import itertools
import math

import torch
import torch.nn.functional as F
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from grader.testing import Mismatch, exercise, expect_close, expect_tensor
from tests.probes import resnet as probe

seeds = st.integers(0, 2**31 - 1)
channels = st.integers(1, 4)
sides = st.integers(1, 7)  # odd sizes included: stride 2 must round up (ceil_mode)


def batch_statistics_defined(n: int, h: int, w: int, stride: int) -> bool:
    """BatchNorm in training needs more than one value per channel (torch raises otherwise)."""
    return n * math.ceil(h / stride) * math.ceil(w / stride) > 1


def image(seed: int, n: int, c: int, h: int, w: int) -> torch.Tensor:
    return torch.randn(n, c, h, w, generator=torch.Generator().manual_seed(seed), dtype=torch.float64)


def batch_norm(h, bn, training):
    if training:
        return F.batch_norm(h, None, None, bn["weight"], bn["bias"], training=True, eps=bn["eps"])
    return F.batch_norm(h, bn["mean"], bn["var"], bn["weight"], bn["bias"], training=False, eps=bn["eps"])


def conv_bn(x, conv, bn, stride, training, act):
    ks = conv["weight"].shape[-1]
    h = F.conv2d(x, conv["weight"].to(x.dtype), None, stride=stride, padding=ks // 2)
    h = batch_norm(h, {k: (v.to(x.dtype) if isinstance(v, torch.Tensor) else v) for k, v in bn.items()}, training)
    return F.relu(h) if act else h


def units(layers):
    """[(conv, bn)] pairing each Conv2d with the BatchNorm2d registered after it."""
    convs = [layer for layer in layers if layer["kind"] == "conv"]
    bns = [layer for layer in layers if layer["kind"] == "bn"]
    if len(convs) != len(bns):
        raise Mismatch(f"found {len(convs)} Conv2d and {len(bns)} BatchNorm2d layers; each conv needs its BatchNorm")
    return list(zip(convs, bns))


def judge_output(got, expected_fn, x, what):
    """expected_fn(x) recomputed with autograd; compare the output and the input gradient."""
    __tracebackhide__ = True
    leaf = x.clone().requires_grad_()
    expected = expected_fn(leaf)
    (expected_grad,) = torch.autograd.grad(expected.sum(), leaf)
    expect_close(got["out"], expected.detach(), what=what, rtol=1e-7, atol=1e-7)
    expect_tensor(got["grad"], what=f"the gradient of {what}", shape=x.shape)
    expect_close(got["grad"], expected_grad, what=f"d sum({what}) / dx", rtol=1e-7, atol=1e-7)


# --- conv_layer ----------------------------------------------------------------------------------

@exercise("conv_layer", points=4, hint="Conv2d(ni, nf, ks, stride, padding=ks // 2, bias=False), then "
                                       "BatchNorm2d(nf), then ReLU only if act")
@settings(max_examples=40)
@given(ni=channels, nf=channels, ks=st.sampled_from([1, 3, 5]), stride=st.sampled_from([1, 2]),
       zero_bn=st.booleans(), act=st.booleans(), training=st.booleans(), n=st.integers(1, 3), h=sides, w=sides,
       seed=seeds)
def test_conv_layer_equals_conv_batchnorm_relu(impl, ni, nf, ks, stride, zero_bn, act, training, n, h, w, seed):
    """conv_layer's output and input gradient equal F.conv2d -> F.batch_norm -> relu with its own parameters."""
    assume(not training or batch_statistics_defined(n, h, w, stride))
    x = image(seed, n, ni, h, w)
    got = impl.run(probe.conv_layer, ni, nf, ks, stride, zero_bn, act, x, training, True, seed)
    (conv, bn), *rest = units(got["layers"]) or [(None, None)]
    if conv is None or rest:
        raise Mismatch(f"conv_layer should hold one Conv2d and one BatchNorm2d, found {len(rest) + (conv is not None)}")
    if conv["bias"] is not None:
        raise Mismatch("the Conv2d has a bias: BatchNorm's own bias makes it redundant (bias=False)")
    if tuple(conv["weight"].shape) != (nf, ni, ks, ks):
        raise Mismatch(f"the Conv2d's weight has shape {tuple(conv['weight'].shape)}, expected {(nf, ni, ks, ks)}")
    judge_output(got, lambda inp: conv_bn(inp, conv, bn, stride, training, act), x,
                 f"conv_layer({ni}, {nf}, ks={ks}, stride={stride}, act={act})(x)")


@exercise("conv_layer", points=2, hint="set the BatchNorm's weight to 0 when zero_bn (nn.init.constant_), "
                                       "to 1 otherwise, and its bias to 0")
@given(ni=channels, nf=channels, zero_bn=st.booleans(), seed=seeds)
def test_conv_layer_initialises_batchnorm(impl, ni, nf, zero_bn, seed):
    """At construction the BatchNorm's weight is all 0 if zero_bn else all 1, and its bias all 0."""
    x = image(seed, 2, ni, 3, 3)
    got = impl.run(probe.conv_layer, ni, nf, 3, 1, zero_bn, True, x, True, False, seed)
    (_, bn), *_ = units(got["layers"]) or [(None, None)]
    if bn is None:
        raise Mismatch("conv_layer has no BatchNorm2d")
    expect_close(bn["weight"], torch.full((nf,), 0.0 if zero_bn else 1.0), what=f"BatchNorm weight (zero_bn={zero_bn})",
                 rtol=0, atol=0, check_dtype=False)
    expect_close(bn["bias"], torch.zeros(nf), what="BatchNorm bias", rtol=0, atol=0, check_dtype=False)


# --- ResBlock ------------------------------------------------------------------------------------

def expected_params(ni: int, nf: int) -> int:
    convs = ni * nf * 9 + nf * nf * 9 + (ni * nf if ni != nf else 0)
    bns = 2 * nf * (3 if ni != nf else 2)
    return convs + bns


def block_candidates(layers, ni, nf):
    """Every way to read the exported units as (conv1, conv2, idconv or None) that fits the shapes."""
    found = units(layers)
    for order in itertools.permutations(found):
        if ni != nf:
            if len(order) != 3:
                continue
            (c1, b1), (c2, b2), (c3, b3) = order
            shapes = [tuple(c["weight"].shape) for c in (c1, c2, c3)]
            if shapes == [(nf, ni, 3, 3), (nf, nf, 3, 3), (nf, ni, 1, 1)]:
                yield (c1, b1), (c2, b2), (c3, b3)
        elif len(order) == 2:
            (c1, b1), (c2, b2) = order
            if [tuple(c["weight"].shape) for c in (c1, c2)] == [(nf, ni, 3, 3), (nf, nf, 3, 3)]:
                yield (c1, b1), (c2, b2), None


def block_forward(x, first, second, idpath, stride, training):
    branch = conv_bn(conv_bn(x, *first, stride, training, True), *second, 1, training, False)
    identity = F.avg_pool2d(x, 2, ceil_mode=True) if stride != 1 else x
    if idpath is not None:
        identity = conv_bn(identity, *idpath, 1, training, False)
    return F.relu(branch + identity)


@exercise("ResBlock", points=5, hint="out = relu(convs(x) + idpath(x)): the stride in the first conv_layer, "
                                     "zero_bn=True and act=False in the second; idpath pools "
                                     "(AvgPool2d(2, ceil_mode=True)) when stride != 1 and uses a 1x1 "
                                     "conv_layer(act=False) when ni != nf")
@settings(max_examples=40)
@given(ni=channels, nf=channels, stride=st.sampled_from([1, 2]), training=st.booleans(), n=st.integers(1, 3),
       h=sides, w=sides, seed=seeds)
def test_resblock_equals_independent_computation(impl, ni, nf, stride, training, n, h, w, seed):
    """With its BatchNorms randomised, ResBlock's output and gradient equal an F.conv2d/F.batch_norm recomputation."""
    assume(not training or batch_statistics_defined(n, h, w, stride))
    x = image(seed, n, ni, h, w)
    got = impl.run(probe.resblock, ni, nf, stride, x, training, True, seed)
    shape = (n, nf, math.ceil(h / stride), math.ceil(w / stride))
    expect_tensor(got["out"], what=f"ResBlock({ni}, {nf}, stride={stride})(x)", shape=shape)
    candidates = list(block_candidates(got["layers"], ni, nf))
    if not candidates:
        kinds = [tuple(u[0]["weight"].shape) for u in units(got["layers"])]
        raise Mismatch(f"ResBlock({ni}, {nf}) holds convolutions of shapes {kinds}; expected two 3x3 "
                       f"conv_layers{' and a 1x1 one for the identity path' if ni != nf else ''}")
    failure = None
    for first, second, idpath in candidates:
        try:
            judge_output(got, lambda inp: block_forward(inp, first, second, idpath, stride, training), x,
                         f"ResBlock({ni}, {nf}, stride={stride})(x)")
            return
        except Mismatch as exc:
            failure = failure or exc
    raise failure


@exercise("ResBlock", points=2, hint="the second conv_layer has zero_bn=True, so at initialisation the branch "
                                     "is 0 and the block is relu(identity)")
@given(c=channels, n=st.integers(1, 3), h=sides, w=sides, training=st.booleans(), seed=seeds)
def test_resblock_is_relu_at_initialisation(impl, c, n, h, w, training, seed):
    """A fresh ResBlock(c, c) with stride 1 returns relu(x), in training and in eval mode."""
    assume(not training or batch_statistics_defined(n, h, w, 1))
    x = image(seed, n, c, h, w)
    got = impl.run(probe.resblock, c, c, 1, x, training, False, seed)
    expect_close(got["out"], torch.relu(x), what=f"a fresh ResBlock({c}, {c})(x)", rtol=1e-12, atol=1e-12)


@exercise("ResBlock", points=1, hint="two 3x3 convolutions without bias, a 1x1 one only when ni != nf, and a "
                                     "BatchNorm (weight and bias) after each")
@given(ni=channels, nf=channels, stride=st.sampled_from([1, 2]), seed=seeds)
def test_resblock_parameter_count(impl, ni, nf, stride, seed):
    """ResBlock(ni, nf) has 9 ni nf + 9 nf^2 (+ ni nf if ni != nf) conv weights and 2 nf per BatchNorm."""
    got = impl.run(probe.resblock, ni, nf, stride, image(seed, 1, ni, 4, 4), True, False, seed)
    if got["n_params"] != expected_params(ni, nf):
        raise Mismatch(f"ResBlock({ni}, {nf}) has {got['n_params']} parameters, expected {expected_params(ni, nf)}")
