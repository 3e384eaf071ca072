"""Probes for assignment 03, loss: values, and gradients by autograd through the student's functions."""
import torch


def value_and_grad(m, name, x, weights, *rest):
    """`m.<name>(x, *rest)`, and d/dx of sum(result * weights) through the student's own code."""
    with torch.enable_grad():  # the caller may be inside a backward pass, where grad mode is off
        x = x.clone().requires_grad_()
        out = getattr(m, name)(x, *rest)
        grad = None
        if isinstance(out, torch.Tensor) and out.requires_grad and out.shape == weights.shape:
            (grad,) = torch.autograd.grad((out * weights).sum(), x, allow_unused=True)
    return [out, grad]


def call(m, name, *args):
    return getattr(m, name)(*args)


# Stand-ins, so that cross_entropy is graded on composing the pieces, not on the student's own
# log_softmax and nll (graded by their own tests). Plain torch, written for the probe.
STAND_INS = {
    "logsumexp": lambda x: torch.logsumexp(x, -1),
    "log_softmax": lambda x: torch.log_softmax(x, -1),
    "nll": lambda log_probs, target: -log_probs[torch.arange(len(target)), target].mean(),
}


def cross_entropy(m, logits, target, weights):
    saved = {name: getattr(m, name, None) for name in STAND_INS}
    try:
        for name, function in STAND_INS.items():
            setattr(m, name, function)
        return value_and_grad(m, "cross_entropy", logits, weights, target)
    finally:
        for name, function in saved.items():
            setattr(m, name, function)
