"""The lesson's lin_grad: w.g from a broadcast outer product summed over the batch."""
EXERCISE = "lin_grad"


def lin_grad(inp, out, w, b):
    inp.g = out.g @ w.t()
    w.g = (inp.unsqueeze(-1) * out.g.unsqueeze(1)).sum(0)
    b.g = out.g.sum(0)
