"""relu_grad adds to inp.g when it is already there, instead of setting it: right once, wrong from the second call."""
EXERCISE = "relu_grad"


def relu_grad(inp, out):
    g = (inp > 0).to(out.g.dtype) * out.g
    inp.g = inp.g + g if hasattr(inp, "g") else g
