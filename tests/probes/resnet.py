"""Probes for assignment 07, resnet: build, optionally randomise BatchNorm, run, and export the layers.

Layers are exported by kind, in registration order (`module.modules()`), with
no reliance on the student's attribute names, so the judge can recompute the
block independently from the parameters the student's module really holds.
"""
import torch
from torch import nn


def _export(module):
    """[{kind, tensors...}] for every Conv2d and BatchNorm2d, in registration order, and the ReLU count."""
    layers = []
    for sub in module.modules():
        if isinstance(sub, nn.Conv2d):
            layers.append({"kind": "conv", "weight": sub.weight.detach().clone(),
                           "bias": None if sub.bias is None else sub.bias.detach().clone(),
                           "stride": list(sub.stride), "padding": list(sub.padding)})
        elif isinstance(sub, nn.BatchNorm2d):
            layers.append({"kind": "bn", "weight": sub.weight.detach().clone(), "bias": sub.bias.detach().clone(),
                           "mean": sub.running_mean.detach().clone(), "var": sub.running_var.detach().clone(),
                           "eps": float(sub.eps)})
    return layers


def _randomise(module, seed):
    """Random BatchNorm weights, biases and running statistics (variances in [0.5, 1.5])."""
    g = torch.Generator().manual_seed(seed)
    for sub in module.modules():
        if isinstance(sub, nn.BatchNorm2d):
            with torch.no_grad():
                sub.weight.copy_(torch.randn(sub.weight.shape, generator=g, dtype=torch.float64))
                sub.bias.copy_(torch.randn(sub.bias.shape, generator=g, dtype=torch.float64))
                sub.running_mean.copy_(torch.randn(sub.running_mean.shape, generator=g, dtype=torch.float64))
                sub.running_var.copy_(torch.rand(sub.running_var.shape, generator=g, dtype=torch.float64) + 0.5)


def _run(module, x, w, training, randomise, seed):
    """Run `module` on x; return the output, d sum(out * w) / dx, the exported layers and the parameter count."""
    module = module.to(x.dtype)  # the judge recomputes in float64
    if randomise:
        _randomise(module, seed)
    module.train(training)
    layers = _export(module)  # before the forward pass updates the running statistics
    with torch.enable_grad():
        leaf = x.clone().requires_grad_()
        out = module(leaf)
        grad = None
        if isinstance(out, torch.Tensor) and out.requires_grad and out.shape == w.shape:
            (grad,) = torch.autograd.grad((out * w).sum(), leaf, allow_unused=True)
    n_params = sum(p.numel() for p in module.parameters())
    return {"out": out, "grad": grad, "layers": layers, "n_params": n_params}


def conv_layer(m, ni, nf, ks, stride, zero_bn, act, x, w, training, randomise, seed):
    """conv_layer(ni, nf, ks, stride, zero_bn, act) run on x (see _run)."""
    torch.manual_seed(seed)
    layer = m.conv_layer(ni, nf, ks=ks, stride=stride, zero_bn=zero_bn, act=act)
    return _run(layer, x, w, training, randomise, seed)


def conv_layer_layers(m, ni, nf, ks, stride, zero_bn, act, seed):
    """The layers of a freshly built conv_layer(ni, nf, ks, stride, zero_bn, act) (see _export); nothing is run."""
    torch.manual_seed(seed)
    return _export(m.conv_layer(ni, nf, ks=ks, stride=stride, zero_bn=zero_bn, act=act))


def _stand_in_conv_layer(ni, nf, ks=3, stride=1, zero_bn=False, act=True):
    """The kit's own conv_layer, written for the probe, so that ResBlock is graded on how it composes them."""
    bn = nn.BatchNorm2d(nf)
    with torch.no_grad():
        bn.weight.fill_(0.0 if zero_bn else 1.0)
        bn.bias.zero_()
    layers = [nn.Conv2d(ni, nf, ks, stride=stride, padding=ks // 2, bias=False), bn]
    return nn.Sequential(*layers, *([nn.ReLU()] if act else []))


def _build_block(m, ni, nf, stride, seed):
    """ResBlock(ni, nf, stride), built with the stand-in conv_layer in place of the student's."""
    had, saved = hasattr(m, "conv_layer"), getattr(m, "conv_layer", None)
    m.conv_layer = _stand_in_conv_layer
    try:
        torch.manual_seed(seed)
        return m.ResBlock(ni, nf, stride=stride)
    finally:
        if had:
            m.conv_layer = saved
        else:
            del m.conv_layer


def resblock(m, ni, nf, stride, x, w, training, randomise, seed):
    """ResBlock(ni, nf, stride) (with the stand-in conv_layer) run on x (see _run)."""
    return _run(_build_block(m, ni, nf, stride, seed), x, w, training, randomise, seed)


def resblock_parameters(m, ni, nf, stride, seed):
    """The number of parameters of ResBlock(ni, nf, stride) (with the stand-in conv_layer); nothing is run."""
    return sum(p.numel() for p in _build_block(m, ni, nf, stride, seed).parameters())
