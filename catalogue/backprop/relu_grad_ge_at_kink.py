"""relu's gradient taken as 1 at exactly 0: `inp >= 0` instead of `inp > 0`."""
EXERCISE = "relu_grad"
TITLE = "relu's derivative taken as 1 at exactly 0 (inp >= 0)"
EXPLANATION = ("relu has no derivative at 0, and the course, like torch, takes it as 0 there: the mask is inp > 0. "
               "With >= the gradient also flows through inputs that are exactly 0 (lesson 8: the backward pass).")


def relu_grad(inp, out):
    inp.g = (inp >= 0).to(out.g.dtype) * out.g
