"""Probes for assignment 07, resnet: build, optionally randomise BatchNorm, run, and export the layers.

Layers are exported by kind, in registration order, with no reliance on the
student's attribute names, so the judge can recompute the block independently.
"""
import torch
from torch import nn


def _export(module):
    """[{kind, ...tensors}] for every Conv2d, BatchNorm2d, ReLU and AvgPool2d, in registration order."""
    layers = []
    for sub in module.modules():
        if isinstance(sub, nn.Conv2d):
            layers.append({"kind": "conv", "weight": sub.weight.detach(), "bias": None if sub.bias is None
                           else sub.bias.detach(), "stride": list(sub.stride), "padding": list(sub.padding)})
        elif isinstance(sub, nn.BatchNorm2d):
            layers.append({"kind": "bn", "weight": sub.weight.detach(), "bias": sub.bias.detach(),
                           "mean": sub.running_mean.detach(), "var": sub.running_var.detach(), "eps": sub.eps})
        elif isinstance(sub, nn.ReLU):
            layers.append({"kind": "relu"})
    return layers


def _randomise(module, seed):
    g = torch.Generator().manual_seed(seed)
    for sub in module.modules():
        if isinstance(sub, nn.BatchNorm2d):
            with torch.no_grad():
                sub.weight.copy_(torch.randn(sub.weight.shape, generator=g, dtype=torch.float64))
                sub.bias.copy_(torch.randn(sub.bias.shape, generator=g, dtype=torch.float64))
                sub.running_mean.copy_(torch.randn(sub.running_mean.shape, generator=g, dtype=torch.float64))
                sub.running_var.copy_(torch.rand(sub.running_var.shape, generator=g, dtype=torch.float64) + 0.5)


def _run(module, x, training, randomise, seed):
    module = module.to(x.dtype)  # the judge recomputes in float64
    if randomise:
        _randomise(module, seed)
    module.train(training)
    layers = _export(module)  # before the forward pass updates the running statistics
    with torch.enable_grad():
        leaf = x.clone().requires_grad_()
        out = module(leaf)
        (grad,) = torch.autograd.grad(out.sum(), leaf, allow_unused=True) if out.requires_grad else (None,)
    n_params = sum(p.numel() for p in module.parameters())
    return {"out": out, "grad": grad, "layers": layers, "n_params": n_params}


def conv_layer(m, ni, nf, ks, stride, zero_bn, act, x, training, randomise, seed):
    torch.manual_seed(seed)
    return _run(m.conv_layer(ni, nf, ks=ks, stride=stride, zero_bn=zero_bn, act=act), x, training, randomise, seed)


def _stand_in_conv_layer(ni, nf, ks=3, stride=1, zero_bn=False, act=True):
    """The kit's own conv_layer, so that ResBlock is graded on how it composes them."""
    bn = nn.BatchNorm2d(nf)
    nn.init.constant_(bn.weight, 0.0 if zero_bn else 1.0)
    layers = [nn.Conv2d(ni, nf, ks, stride=stride, padding=ks // 2, bias=False), bn]
    return nn.Sequential(*layers, *([nn.ReLU()] if act else []))


def resblock(m, ni, nf, stride, x, training, randomise, seed):
    saved = getattr(m, "conv_layer", None)
    m.conv_layer = _stand_in_conv_layer
    try:
        torch.manual_seed(seed)
        block = m.ResBlock(ni, nf, stride=stride)
    finally:
        m.conv_layer = saved
    return _run(block, x, training, randomise, seed)
