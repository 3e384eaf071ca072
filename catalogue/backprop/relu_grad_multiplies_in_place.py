"""relu_grad takes g = out.g and then g *= (inp > 0): *= on a tensor writes into out.g."""
EXERCISE = "relu_grad"


def relu_grad(inp, out):
    g = out.g
    g *= (inp > 0)
    inp.g = g
