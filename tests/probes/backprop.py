"""Probes for assignment 02, backprop. Each returns the values and `.g` gradients the student's code produced."""


def call(m, name, *args):
    """`m.<name>(*args)` and the arguments as they were after the call."""
    result = getattr(m, name)(*args)
    return [result, list(args)]


def _grad(t):
    return getattr(t, "g", None)


def mse_grad(m, inp, targ):
    m.mse_grad(inp, targ)
    return _grad(inp)


def relu_grad(m, inp, out, out_g):
    out.g = out_g
    m.relu_grad(inp, out)
    return _grad(inp)


def lin_grad(m, inp, out, out_g, w, b):
    out.g = out_g
    m.lin_grad(inp, out, w, b)
    return [_grad(inp), _grad(w), _grad(b)]


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


def forward_and_backward(m, inp, targ, w1, b1, w2, b2):
    """Loss and the five gradients, with the module's other functions replaced by stand-ins."""
    saved = {name: getattr(m, name, None) for name in STAND_INS}
    try:
        for name, function in STAND_INS.items():
            setattr(m, name, function)
        loss = m.forward_and_backward(inp, targ, w1, b1, w2, b2)
    finally:
        for name, function in saved.items():
            setattr(m, name, function)
    return [loss, [_grad(t) for t in (inp, w1, b1, w2, b2)]]
