"""relu_grad takes g = out.g and then g *= (inp > 0): *= on a tensor writes into out.g."""
EXERCISE = "relu_grad"
TITLE = "g = out.g then g *= mask, which writes into out.g"
EXPLANATION = ("g = out.g copies nothing: g is out.g, and *= on a tensor works in place, so the caller's upstream "
               "gradient is masked too. g = out.g * (inp > 0) makes a new tensor (lesson 8: the backward pass).")


def relu_grad(inp, out):
    g = out.g
    g *= (inp > 0)
    inp.g = g
