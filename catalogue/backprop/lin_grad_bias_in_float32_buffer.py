"""lin_grad sums the bias gradient row by row into torch.zeros(n_out): a float32 buffer whatever the dtype."""
EXERCISE = "lin_grad"
TITLE = "bias gradient summed into torch.zeros(n_out), a float32 buffer"
EXPLANATION = ("torch.zeros uses the default dtype, float32, so with float64 inputs b.g comes back rounded to float32. "
               "out.g.sum(0) sums over the batch in out.g's own dtype, without a Python loop (lesson 8: the backward "
               "pass).")


def lin_grad(inp, out, w, b):
    inp.g = out.g @ w.t()
    w.g = inp.t() @ out.g
    b.g = torch.zeros(out.g.shape[1])
    for row in out.g:
        b.g += row
