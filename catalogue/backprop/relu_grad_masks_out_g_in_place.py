"""relu_grad zeroes out.g where inp <= 0 and hands out.g itself to inp.g: the upstream gradient is overwritten."""
EXERCISE = "relu_grad"
TITLE = "relu_grad zeroes out.g in place and hands it on as inp.g"
EXPLANATION = ("out.g[inp <= 0] = 0 writes into the caller's upstream gradient, and inp.g is then the very same tensor "
               "as out.g, so changing one changes the other. Make a new tensor: inp.g = (inp > 0) * out.g (lesson 8: "
               "the backward pass).")


def relu_grad(inp, out):
    out.g[inp <= 0] = 0
    inp.g = out.g
