"""The bias gradient averaged over the batch, out.g.mean(0), instead of summed."""
EXERCISE = "lin_grad"
TITLE = "bias gradient averaged over the batch (mean) instead of summed"
EXPLANATION = ("b is added to every row of the batch, so each row's gradient flows into it and they add up: b.g = "
               "out.g.sum(0). The 1/N of the mean loss is already inside out.g (from mse_grad); averaging again "
               "divides by N twice (lesson 8: the backward pass).")


def lin_grad(inp, out, w, b):
    inp.g = out.g @ w.t()
    w.g = inp.t() @ out.g
    b.g = out.g.mean(0)
