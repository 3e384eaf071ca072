"""Probes for backprop. Each returns the values and `.g` gradients the student's code produced.

Probes named `*_twice` call an exercise a second time on the same tensors (a new upstream gradient
or target in between) and return the gradients after each call. Probes that return "after" give
the arguments as they are after the call, `.g` attributes of the upstream tensors included, for
the judge to compare with what it sent.
"""
import torch


def call(m, name, *args):
    """`m.<name>(*args)` and the arguments as they were after the call."""
    result = getattr(m, name)(*args)
    return [result, list(args)]


def _grad(t):
    return getattr(t, "g", None)


def _snapshot(value):
    """A copy of a tensor (an implementation may reuse its `.g` tensor on the next call); anything else as is."""
    return value.clone() if type(value) is torch.Tensor else value


def mse_grad(m, inp, targ):
    m.mse_grad(inp, targ)
    return _grad(inp)


def mse_grad_twice(m, inp, targ, targ2):
    """inp.g after mse_grad(inp, targ), then after mse_grad(inp, targ2) on the same inp."""
    m.mse_grad(inp, targ)
    first = _snapshot(_grad(inp))
    m.mse_grad(inp, targ2)
    return [first, _grad(inp)]


def mse_grad_after(m, inp, targ):
    m.mse_grad(inp, targ)
    return {"inp": inp, "targ": targ}


def relu_grad(m, inp, out, out_g):
    out.g = out_g
    m.relu_grad(inp, out)
    return _grad(inp)


def relu_grad_twice(m, inp, out, out_g, out_g2):
    """inp.g after relu_grad with out.g = out_g, then after a second call with out.g = out_g2."""
    out.g = out_g
    m.relu_grad(inp, out)
    first = _snapshot(_grad(inp))
    out.g = out_g2
    m.relu_grad(inp, out)
    return [first, _grad(inp)]


def relu_grad_after(m, inp, out, out_g):
    out.g = out_g
    m.relu_grad(inp, out)
    return {"inp": inp, "out": out, "out.g": _grad(out), "the tensor given as out.g": out_g}


def lin_grad(m, inp, out, out_g, w, b):
    out.g = out_g
    m.lin_grad(inp, out, w, b)
    return [_grad(inp), _grad(w), _grad(b)]


def lin_grad_twice(m, inp, out, out_g, out_g2, w, b):
    """[inp.g, w.g, b.g] after lin_grad with out.g = out_g, then after a second call with out.g = out_g2."""
    out.g = out_g
    m.lin_grad(inp, out, w, b)
    first = [_snapshot(_grad(t)) for t in (inp, w, b)]
    out.g = out_g2
    m.lin_grad(inp, out, w, b)
    return [first, [_grad(t) for t in (inp, w, b)]]


def lin_grad_after(m, inp, out, out_g, w, b):
    out.g = out_g
    m.lin_grad(inp, out, w, b)
    return {"inp": inp, "out": out, "out.g": _grad(out), "the tensor given as out.g": out_g, "w": w, "b": b}


# Stand-ins for the other exercises of the module, so that forward_and_backward
# is graded on how it composes the steps, not on the student's other functions
# (each of those is graded by its own tests). Plain torch, written for the probe.
def _lin(x, w, b):
    return x @ w + b


def _relu(x):
    return x.clamp_min(0.0)


def _mse(output, targ):
    return (output[:, 0] - targ).pow(2).mean()


def _mse_grad(inp, targ):
    inp.g = 2.0 * (inp[:, 0] - targ).unsqueeze(-1) / inp.shape[0]


def _relu_grad(inp, out):
    inp.g = (inp > 0).to(out.g.dtype) * out.g


def _lin_grad(inp, out, w, b):
    inp.g = out.g @ w.t()
    w.g = inp.t() @ out.g
    b.g = out.g.sum(0)


STAND_INS = {"lin": _lin, "relu": _relu, "mse": _mse, "mse_grad": _mse_grad, "relu_grad": _relu_grad,
             "lin_grad": _lin_grad}


def _with_stand_ins(m, function):
    """`function()` with the module's other functions replaced by the stand-ins."""
    saved = {name: getattr(m, name, None) for name in STAND_INS}
    try:
        for name, stand_in in STAND_INS.items():
            setattr(m, name, stand_in)
        return function()
    finally:
        for name, original in saved.items():
            setattr(m, name, original)


def forward_and_backward(m, inp, targ, w1, b1, w2, b2):
    """Loss and the five gradients, with the module's other functions replaced by stand-ins."""
    loss = _with_stand_ins(m, lambda: m.forward_and_backward(inp, targ, w1, b1, w2, b2))
    return [loss, [_grad(t) for t in (inp, w1, b1, w2, b2)]]


def forward_and_backward_twice(m, first, second):
    """Loss and gradients of a call on the tensors `first`, then of a second call on the same tensors
    holding `second`'s values (copied in, as a training step changes its parameters in place)."""
    tensors = list(first)

    def once():
        loss = m.forward_and_backward(*tensors)
        return [_snapshot(loss), [_snapshot(_grad(t)) for t in (tensors[0], *tensors[2:])]]

    def both():
        results = [once()]
        with torch.no_grad():
            for t, values in zip(tensors, second):
                t.copy_(values)
        results.append(once())
        return results

    return _with_stand_ins(m, both)


def forward_and_backward_after(m, inp, targ, w1, b1, w2, b2):
    """The six arguments as they are after forward_and_backward (stand-ins in place of the other functions)."""
    _with_stand_ins(m, lambda: m.forward_and_backward(inp, targ, w1, b1, w2, b2))
    return {"inp": inp, "targ": targ, "w1": w1, "b1": b1, "w2": w2, "b2": b2}
