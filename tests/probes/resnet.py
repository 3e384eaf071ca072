"""Probes for resnet: build, export the layers, optionally randomise them, run.

Layers are exported by kind, in registration order (`module.modules()`), with
no reliance on the student's attribute names, as the student's code made them.
Randomised values come from `random_parameters(layers, seed)`, a function of the
layers' shapes and the seed alone, which the judge calls too: it recomputes the
block from the values it derives itself, never from values reported from the
student's process (where the randomisation could be skipped or rewritten).
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


def random_parameters(layers, seed):
    """Random values for `layers` (as _export gives them): float64, from a generator seeded with `seed`.

    Convolutions get weights (and a bias where they have one) of standard deviation
    1/sqrt(fan in); BatchNorms weights, biases, running means (standard normal)
    and running variances in [0.5, 1.5]. Only the layers' kinds and shapes are
    read, so the judge gets the same values from the same export.
    """
    g = torch.Generator().manual_seed(seed)
    values = []
    for layer in layers:
        if layer["kind"] == "conv":
            shape = tuple(layer["weight"].shape)
            scale = 1.0 / max(1, shape[1] * shape[2] * shape[3]) ** 0.5
            weight = torch.randn(shape, generator=g, dtype=torch.float64) * scale
            bias = None if layer["bias"] is None else torch.randn(shape[0], generator=g, dtype=torch.float64)
            values.append({**layer, "weight": weight, "bias": bias})
        else:
            n = layer["weight"].shape[0]
            values.append({**layer, "weight": torch.randn(n, generator=g, dtype=torch.float64),
                           "bias": torch.randn(n, generator=g, dtype=torch.float64),
                           "mean": torch.randn(n, generator=g, dtype=torch.float64),
                           "var": torch.rand(n, generator=g, dtype=torch.float64) + 0.5})
    return values


def _load(module, values):
    """Copy `values` (random_parameters of this module's export) into its layers, in the same order."""
    layers = [sub for sub in module.modules() if isinstance(sub, (nn.Conv2d, nn.BatchNorm2d))]
    with torch.no_grad():
        for sub, value in zip(layers, values):
            if isinstance(sub, nn.Conv2d):
                sub.weight.copy_(value["weight"])
                if sub.bias is not None:
                    sub.bias.copy_(value["bias"])
            else:
                sub.weight.copy_(value["weight"])
                sub.bias.copy_(value["bias"])
                sub.running_mean.copy_(value["mean"])
                sub.running_var.copy_(value["var"])


def _run(module, x, w, training, randomise, seed):
    """Run `module` on x; return the output, d sum(out * w) / dx, the exported layers and the parameter count.

    The layers are exported as built (before any randomisation, and before the forward pass updates the
    running statistics); with `randomise`, random_parameters(layers, seed) are loaded into them first.
    """
    module = module.to(x.dtype)  # the judge recomputes in float64
    layers = _export(module)
    if randomise:
        _load(module, random_parameters(layers, seed))
    module.train(training)
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
