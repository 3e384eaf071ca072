"""Probes for dropout: build a Dropout, seed torch, run it, return what came out."""
import torch


def forward(m, p, x, w, training, seed):
    """Dropout(p) in train or eval mode, after torch.manual_seed(seed).

    Returns the output, the gradient of sum(out * w) with respect to the input
    (None when the output is not a differentiable tensor of w's shape), and
    the input as it was after the call (an in-place change would show there).
    The layer gets a non-leaf tensor, as inside a network, so that autograd
    itself does not refuse an in-place operation.
    """
    layer = m.Dropout(p)
    layer.train(training)
    torch.manual_seed(seed)
    with torch.enable_grad():
        leaf = x.clone().requires_grad_()
        inp = leaf * 1
        out = layer(inp)
        grad = None
        if isinstance(out, torch.Tensor) and out.requires_grad and out.shape == w.shape:
            (grad,) = torch.autograd.grad((out * w).sum(), leaf, allow_unused=True)
    return {"out": out, "grad": grad, "input_after": inp.detach()}


def seeded_twice(m, p, x, seeds):
    """One Dropout(p) in training, run on a copy of x once after torch.manual_seed(s) for each s in seeds."""
    layer = m.Dropout(p)
    layer.train()
    outputs = []
    for seed in seeds:
        torch.manual_seed(seed)
        outputs.append(layer(x.clone()))  # a fresh copy each time: modifying x in place has its own test
    return outputs


def construct(m, p):
    """Build Dropout(p) (the constructor may raise); True once built."""
    m.Dropout(p)
    return True


def successive(m, p, xs, seed):
    """One Dropout(p) in training, torch seeded once, then called on each of xs in turn (no reseeding between)."""
    layer = m.Dropout(p)
    layer.train()
    torch.manual_seed(seed)
    return [layer(x) for x in xs]


def switching(m, p, x, seed, script):
    """Dropout(p) alone and inside nn.Sequential, switched by each step of `script`, run on a copy of x after each.

    A step is [target, method]: target "layer" (the Dropout itself) or "net" (an
    nn.Sequential holding it), method "train" or "eval", called as target.train() or
    target.eval(); then target(x.clone()) is recorded. torch is seeded once, first.
    """
    layer = m.Dropout(p)
    net = torch.nn.Sequential(layer)
    targets = {"layer": layer, "net": net}
    torch.manual_seed(seed)
    outputs = []
    for target, method in script:
        getattr(targets[target], method)()
        outputs.append(targets[target](x.clone()))
    return outputs
