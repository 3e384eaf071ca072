"""conv_layer and ResBlock, recomputed independently with torch.nn.functional.

The probe exports the layers it finds (every Conv2d and BatchNorm2d, in
registration order, whatever the student named them) and loads random values
into them; the judge derives the same values itself from the layers' shapes and
the seed (never taking them from the student's process) and recomputes the
output and the input gradient from them with F.conv2d,
F.batch_norm, F.avg_pool2d(2, ceil_mode=True) and relu, so any correct
arrangement of modules is accepted. What the judge accepts:

- conv_layer: exactly one Conv2d (no bias, weight (nf, ni, ks, ks)) and one
  BatchNorm2d(nf); any modules around them that compute conv -> BN -> relu (if act).
- ResBlock: two convolutions of shapes (nf, ni, 3, 3) and (nf, nf, 3, 3), a
  (nf, ni, 1, 1) one exactly when ni != nf, and one BatchNorm2d per
  convolution. The roles (first, second, identity path) are read from the
  shapes; where shapes tie (ni == nf) and for which BatchNorm follows which
  convolution, every assignment is tried: the block passes if its output and
  gradient equal the contract's computation for one of them. Convolution
  weights and BatchNorm weights, biases and running statistics are randomised
  first, so each role is visible.

The gradient judged is that of sum(out * w) for a random w: the plain sum of a
BatchNorm's output does not depend on its input in training mode.
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
strides = st.sampled_from([1, 2])


def batch_statistics_defined(n: int, h: int, w: int, stride: int) -> bool:
    """BatchNorm in training needs more than one value per channel (torch raises otherwise)."""
    return n * math.ceil(h / stride) * math.ceil(w / stride) > 1


def image(seed: int, n: int, c: int, h: int, w: int) -> torch.Tensor:
    return torch.randn(n, c, h, w, generator=torch.Generator().manual_seed(seed), dtype=torch.float64)


def out_weights(seed: int, shape) -> torch.Tensor:
    """Random weights w for the gradient of sum(out * w)."""
    return torch.randn(shape, generator=torch.Generator().manual_seed(seed + 1), dtype=torch.float64)


def out_shape(n: int, nf: int, h: int, w: int, stride: int) -> tuple[int, ...]:
    """A padded (ks // 2) odd-kernel convolution with stride s maps a side h to ceil(h / s)."""
    return n, nf, math.ceil(h / stride), math.ceil(w / stride)


def batch_norm(h, bn, training):
    weight, bias = bn["weight"].to(h.dtype), bn["bias"].to(h.dtype)
    if training:
        return F.batch_norm(h, None, None, weight, bias, training=True, eps=bn["eps"])
    return F.batch_norm(h, bn["mean"].to(h.dtype), bn["var"].to(h.dtype), weight, bias, training=False,
                        eps=bn["eps"])


def conv_bn(x, conv, bn, stride, training, act):
    """The contract's conv_layer: F.conv2d (no bias, padding ks // 2) -> F.batch_norm -> relu if act."""
    ks = conv["weight"].shape[-1]
    h = F.conv2d(x, conv["weight"].to(x.dtype), None, stride=stride, padding=ks // 2)
    h = batch_norm(h, bn, training)
    return F.relu(h) if act else h


def randomised(layers, seed: int):
    """The values the probe loaded into `layers` (random_parameters of their shapes and `seed`), derived here:
    of what the student's process reports, only the layers' kinds and shapes are taken."""
    return probe.random_parameters(layers, seed)


def of_kind(layers, kind):
    return [layer for layer in layers if layer["kind"] == kind]


def judge_output(got, expected_fn, x, w, what):
    """expected_fn(x) recomputed with autograd; compare the output and the gradient of sum(out * w)."""
    __tracebackhide__ = True
    leaf = x.clone().requires_grad_()
    expected = expected_fn(leaf)
    (expected_grad,) = torch.autograd.grad((expected * w).sum(), leaf)
    expect_close(got["out"], expected.detach(), what=what, rtol=1e-7, atol=1e-7)
    expect_tensor(got["grad"], what=f"the gradient of sum({what} * w)", shape=x.shape)
    expect_close(got["grad"], expected_grad, what=f"d sum({what} * w) / dx", rtol=1e-7, atol=1e-7)


# --- conv_layer ----------------------------------------------------------------------------------

def single_unit(got, ni, nf, ks, check_conv=True):
    """The one Conv2d and the one BatchNorm2d of a conv_layer, checked for shape (and the conv's bias)."""
    convs, bns = of_kind(got["layers"], "conv"), of_kind(got["layers"], "bn")
    if len(convs) != 1 or len(bns) != 1:
        raise Mismatch(f"conv_layer should hold one Conv2d and one BatchNorm2d, found {len(convs)} Conv2d and "
                       f"{len(bns)} BatchNorm2d")
    (conv,), (bn,) = convs, bns
    if check_conv and conv["bias"] is not None:
        raise Mismatch("the Conv2d has a bias: the BatchNorm after it subtracts the mean, which makes a bias "
                       "useless (bias=False)")
    if check_conv and tuple(conv["weight"].shape) != (nf, ni, ks, ks):
        raise Mismatch(f"the Conv2d's weight has shape {tuple(conv['weight'].shape)}, expected {(nf, ni, ks, ks)} "
                       f"(nf, ni, ks, ks)")
    if tuple(bn["weight"].shape) != (nf,):
        raise Mismatch(f"the BatchNorm2d has {bn['weight'].numel()} features, expected nf = {nf}")
    return conv, bn


@exercise("conv_layer", points=4, hint="Conv2d(ni, nf, ks, stride=stride, padding=ks // 2, bias=False), then "
                                       "BatchNorm2d(nf), then ReLU only if act")
@settings(max_examples=40)
@given(ni=channels, nf=channels, ks=st.sampled_from([1, 3, 5]), stride=strides, zero_bn=st.booleans(),
       act=st.booleans(), training=st.booleans(), n=st.integers(1, 3), h=sides, w=sides, seed=seeds)
def test_conv_layer_equals_conv_batchnorm_relu(impl, ni, nf, ks, stride, zero_bn, act, training, n, h, w, seed):
    """conv_layer's output and input gradient equal F.conv2d -> F.batch_norm -> relu with its own parameters."""
    assume(not training or batch_statistics_defined(n, h, w, stride))
    x, wts = image(seed, n, ni, h, w), out_weights(seed, out_shape(n, nf, h, w, stride))
    got = impl.run(probe.conv_layer, ni, nf, ks, stride, zero_bn, act, x, wts, training, True, seed)
    what = f"conv_layer({ni}, {nf}, ks={ks}, stride={stride}, act={act})(x) in {'train' if training else 'eval'} mode"
    expect_tensor(got["out"], what=what, shape=wts.shape)
    conv, bn = single_unit({"layers": randomised(got["layers"], seed)}, ni, nf, ks)
    judge_output(got, lambda inp: conv_bn(inp, conv, bn, stride, training, act), x, wts, what)


@exercise("conv_layer", points=2, hint="set the BatchNorm's weight to 0 when zero_bn (nn.init.constant_), "
                                       "to 1 otherwise, and its bias to 0")
@given(ni=channels, nf=channels, ks=st.sampled_from([1, 3]), zero_bn=st.booleans(), seed=seeds)
def test_conv_layer_initialises_batchnorm(impl, ni, nf, ks, zero_bn, seed):
    """At construction the BatchNorm's weight is all 0 if zero_bn else all 1, and its bias all 0."""
    got = {"layers": impl.run(probe.conv_layer_layers, ni, nf, ks, 1, zero_bn, True, seed)}
    _, bn = single_unit(got, ni, nf, ks, check_conv=False)  # the conv is judged by the test above
    expect_close(bn["weight"], torch.full((nf,), 0.0 if zero_bn else 1.0),
                 what=f"the BatchNorm's weight with zero_bn={zero_bn}", rtol=0, atol=0, check_dtype=False)
    expect_close(bn["bias"], torch.zeros(nf), what="the BatchNorm's bias", rtol=0, atol=0, check_dtype=False)


# --- ResBlock ------------------------------------------------------------------------------------

def expected_params(ni: int, nf: int) -> int:
    """Conv weights 9 ni nf + 9 nf^2 (+ ni nf for the 1x1 conv when ni != nf); 2 nf per BatchNorm."""
    convs = 9 * ni * nf + 9 * nf * nf + (ni * nf if ni != nf else 0)
    bns = 2 * nf * (3 if ni != nf else 2)
    return convs + bns


def block_candidates(layers, ni, nf):
    """Every reading of the exported layers as (first, second, idpath or None), each a (conv, bn) pair.

    The roles are given by the convolutions' shapes; every pairing of BatchNorms with
    convolutions is tried (the registration order first).
    """
    convs, bns = of_kind(layers, "conv"), of_kind(layers, "bn")
    roles = [(nf, ni, 3, 3), (nf, nf, 3, 3)] + ([(nf, ni, 1, 1)] if ni != nf else [])
    if len(convs) != len(roles) or len(bns) != len(roles):
        return
    for conv_order in itertools.permutations(convs):
        if [tuple(c["weight"].shape) for c in conv_order] != roles:
            continue
        for bn_order in itertools.permutations(bns):
            units = list(zip(conv_order, bn_order))
            yield units[0], units[1], (units[2] if ni != nf else None)


def identity_path(x, idpath, stride, training):
    """AvgPool2d(2, ceil_mode=True) when stride != 1, then the 1x1 conv_layer (no ReLU) if any."""
    identity = F.avg_pool2d(x, 2, ceil_mode=True) if stride != 1 else x
    return identity if idpath is None else conv_bn(identity, *idpath, 1, training, False)


def block_forward(x, first, second, idpath, stride, training):
    """relu(convs(x) + idpath(x)): the stride in the first conv_layer, no ReLU after the second."""
    branch = conv_bn(conv_bn(x, *first, stride, training, True), *second, 1, training, False)
    return F.relu(branch + identity_path(x, idpath, stride, training))


def describe_convs(layers) -> str:
    return ", ".join(str(tuple(c["weight"].shape)) for c in of_kind(layers, "conv")) or "none"


def first_passing(candidates, judge):
    """Run judge(candidate) on each; return the first that passes, else raise the first failure."""
    __tracebackhide__ = True
    failure = None
    for candidate in candidates:
        try:
            judge(*candidate)
            return candidate
        except Mismatch as exc:
            failure = failure or exc
    raise failure


@exercise("ResBlock", points=1, hint="the stride goes to the first conv_layer and the identity path pools with "
                                     "AvgPool2d(2, ceil_mode=True) when stride != 1, so odd sizes round up")
@given(ni=channels, nf=channels, stride=strides, n=st.integers(1, 2), h=sides, w=sides, seed=seeds)
def test_resblock_output_shape(impl, ni, nf, stride, n, h, w, seed):
    """ResBlock(ni, nf, stride) maps (N, ni, H, W) to (N, nf, ceil(H / stride), ceil(W / stride)), odd sizes too."""
    shape = out_shape(n, nf, h, w, stride)
    got = impl.run(probe.resblock, ni, nf, stride, image(seed, n, ni, h, w), out_weights(seed, shape), False, False,
                   seed)
    expect_tensor(got["out"], what=f"ResBlock({ni}, {nf}, stride={stride}) applied to shape {(n, ni, h, w)}",
                  shape=shape)


@exercise("ResBlock", points=5, hint="out = relu(convs(x) + idpath(x)): the stride in the first conv_layer, "
                                     "zero_bn=True and act=False in the second; idpath pools "
                                     "(AvgPool2d(2, ceil_mode=True)) when stride != 1, then uses a 1x1 "
                                     "conv_layer(act=False) when ni != nf")
@settings(max_examples=40)
@given(ni=channels, nf=channels, stride=strides, training=st.booleans(), n=st.integers(1, 3), h=sides, w=sides,
       seed=seeds)
def test_resblock_equals_independent_computation(impl, ni, nf, stride, training, n, h, w, seed):
    """With its BatchNorms randomised, ResBlock's output and gradient equal an F.conv2d/F.batch_norm recomputation."""
    assume(not training or batch_statistics_defined(n, h, w, stride))
    x, wts = image(seed, n, ni, h, w), out_weights(seed, out_shape(n, nf, h, w, stride))
    got = impl.run(probe.resblock, ni, nf, stride, x, wts, training, True, seed)
    what = f"ResBlock({ni}, {nf}, stride={stride})(x) in {'train' if training else 'eval'} mode"
    expect_tensor(got["out"], what=what, shape=wts.shape)
    candidates = list(block_candidates(randomised(got["layers"], seed), ni, nf))
    if not candidates:
        raise Mismatch(f"ResBlock({ni}, {nf}) holds convolutions of shapes {describe_convs(got['layers'])} and "
                       f"{len(of_kind(got['layers'], 'bn'))} BatchNorm2d; expected 3x3 ones of shapes "
                       f"{(nf, ni, 3, 3)} and {(nf, nf, 3, 3)}"
                       f"{f' and a 1x1 one {(nf, ni, 1, 1)} on the identity path' if ni != nf else ''}, "
                       f"each followed by a BatchNorm2d")
    first_passing(candidates, lambda first, second, idpath: judge_output(
        got, lambda inp: block_forward(inp, first, second, idpath, stride, training), x, wts, what))


@exercise("ResBlock", points=2, hint="the second conv_layer has zero_bn=True, so at initialisation the branch "
                                     "is 0 and the block is relu(idpath(x)): relu(x) when ni == nf and stride 1")
@given(c=channels, n=st.integers(1, 3), h=sides, w=sides, training=st.booleans(), seed=seeds)
def test_resblock_is_relu_at_initialisation(impl, c, n, h, w, training, seed):
    """A fresh ResBlock(c, c) with stride 1 returns relu(x), in training and in eval mode."""
    assume(not training or batch_statistics_defined(n, h, w, 1))
    x = image(seed, n, c, h, w)
    got = impl.run(probe.resblock, c, c, 1, x, out_weights(seed, x.shape), training, False, seed)
    expect_close(got["out"], torch.relu(x), what=f"a fresh ResBlock({c}, {c})(x) in "
                 f"{'train' if training else 'eval'} mode", rtol=1e-12, atol=1e-12)


@exercise("ResBlock", points=1, hint="zero_bn=True goes to the second conv_layer, the one whose output is added "
                                     "to the identity path: the branch then starts at 0 and the first "
                                     "convolution still learns")
@settings(max_examples=20)
@given(ni=channels, nf=channels, stride=strides, seed=seeds)
def test_resblock_zeroes_the_second_batchnorm(impl, ni, nf, stride, seed):
    """At construction the BatchNorm after the second convolution has weight 0, the others weight 1."""
    # Which BatchNorm follows which convolution shows only in what the block computes: the randomised block's
    # output (judged with the judge's own values, in training mode, where each BatchNorm's output has its own
    # mean and spread) tells the pairing; the export, taken before the randomisation, each one's initial weight.
    x, wts = image(seed, 2, ni, 3, 3), out_weights(seed, out_shape(2, nf, 3, 3, stride))
    got = impl.run(probe.resblock, ni, nf, stride, x, wts, True, True, seed)
    what = f"ResBlock({ni}, {nf}, stride={stride})(x) in training mode"
    expect_tensor(got["out"], what=what, shape=wts.shape)
    fresh, values = got["layers"], randomised(got["layers"], seed)
    candidates = list(block_candidates(values, ni, nf))
    if not candidates:
        raise Mismatch(f"ResBlock({ni}, {nf}) holds convolutions of shapes {describe_convs(fresh)}; expected two "
                       f"3x3 ones{' and a 1x1 one' if ni != nf else ''}, each followed by a BatchNorm2d")
    first_passing(candidates, lambda f, s, i: judge_output(
        got, lambda inp: block_forward(inp, f, s, i, stride, True), x, wts, what))  # the block computes right

    def initial_weights(candidate) -> list[float]:
        """The initial weights of the first, second (and identity path's) BatchNorm, read as `candidate` pairs them."""
        index = {id(layer): i for i, layer in enumerate(values)}
        return [float(fresh[index[id(unit[1])]]["weight"].double().abs().max()) for unit in candidate if unit]

    expected = [1.0, 0.0] + ([1.0] if ni != nf else [])
    readings = []
    for candidate in candidates:  # where the output cannot tell two pairings apart, either reading will do
        try:
            judge_output(got, lambda inp, c=candidate: block_forward(inp, *c, stride, True), x, wts, what)
        except Mismatch:
            continue
        readings.append(initial_weights(candidate))
    if expected not in readings:
        raise Mismatch(f"at construction the BatchNorms after the first, the second convolution"
                       f"{' and the 1x1 one' if ni != nf else ''} have weights of largest magnitude {readings[0]}; "
                       f"expected {expected}: only the BatchNorm whose output is added to the identity path starts "
                       f"at 0")


@exercise("ResBlock", points=1, hint="the second conv_layer has zero_bn=True, so at initialisation the branch "
                                     "adds 0 and the block returns relu(idpath(x))")
@given(ni=channels, nf=channels, stride=strides, n=st.integers(1, 3), h=sides, w=sides, training=st.booleans(),
       seed=seeds)
def test_resblock_is_relu_of_identity_path_at_initialisation(impl, ni, nf, stride, n, h, w, training, seed):
    """A fresh ResBlock(ni, nf, stride) with ni != nf or stride 2 returns relu(idpath(x)): the branch adds 0."""
    assume(ni != nf or stride != 1)  # ni == nf with stride 1 is the test above
    assume(not training or batch_statistics_defined(n, h, w, stride))
    x, wts = image(seed, n, ni, h, w), out_weights(seed, out_shape(n, nf, h, w, stride))
    got = impl.run(probe.resblock, ni, nf, stride, x, wts, training, False, seed)
    what = f"a fresh ResBlock({ni}, {nf}, stride={stride})(x) in {'train' if training else 'eval'} mode"
    expect_tensor(got["out"], what=what, shape=wts.shape)
    candidates = list(block_candidates(got["layers"], ni, nf))
    if not candidates:
        raise Mismatch(f"ResBlock({ni}, {nf}) holds convolutions of shapes {describe_convs(got['layers'])}; "
                       f"expected two 3x3 ones{' and a 1x1 one' if ni != nf else ''}")
    first_passing(candidates, lambda _first, _second, idpath: expect_close(
        got["out"], F.relu(identity_path(x, idpath, stride, training)), what=what, rtol=1e-9, atol=1e-9))


@exercise("ResBlock", points=1, hint="two 3x3 convolutions without bias, a 1x1 one only when ni != nf, and a "
                                     "BatchNorm (weight and bias) after each")
@given(ni=channels, nf=channels, stride=strides, seed=seeds)
def test_resblock_parameter_count(impl, ni, nf, stride, seed):
    """ResBlock(ni, nf) has 9 ni nf + 9 nf^2 (+ ni nf if ni != nf) conv weights and 2 nf per BatchNorm."""
    n_params = impl.run(probe.resblock_parameters, ni, nf, stride, seed)
    if n_params != expected_params(ni, nf):
        raise Mismatch(f"ResBlock({ni}, {nf}, stride={stride}) has {n_params} parameters, expected "
                       f"{expected_params(ni, nf)}: 9*ni*nf + 9*nf*nf for the 3x3 convolutions"
                       f"{' + ni*nf for the 1x1 one' if ni != nf else ''}, 2*nf per BatchNorm, no conv bias")
