"""relu's gradient taken as 1 at exactly 0: `inp >= 0` instead of `inp > 0`."""
EXERCISE = "relu_grad"


def relu_grad(inp, out):
    inp.g = (inp >= 0).to(out.g.dtype) * out.g
