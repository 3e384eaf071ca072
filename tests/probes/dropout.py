"""Probes for assignment 06, dropout."""
import torch


def forward(m, p, x, training, seed):
    """Dropout(p) in train or eval mode, after torch.manual_seed(seed): the output and d sum(out)/dx."""
    layer = m.Dropout(p)
    layer.train(training)
    torch.manual_seed(seed)
    with torch.enable_grad():
        leaf = x.clone().requires_grad_()
        out = layer(leaf)
        grad = None
        if isinstance(out, torch.Tensor) and out.requires_grad:
            (grad,) = torch.autograd.grad(out.sum(), leaf, allow_unused=True)
    return [out, grad]


def twice(m, p, x, seeds):
    """One Dropout(p) in training, run once after torch.manual_seed(s) for each s in seeds."""
    layer = m.Dropout(p)
    layer.train()
    outputs = []
    for seed in seeds:
        torch.manual_seed(seed)
        outputs.append(layer(x))
    return outputs


def construct(m, p):
    """Build Dropout(p); return its p attribute if any (the constructor may raise)."""
    layer = m.Dropout(p)
    return getattr(layer, "p", None)
