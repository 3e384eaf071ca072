"""lin_grad makes zero .g buffers on the first call and adds into them with +=: gradients pile up across calls."""
EXERCISE = "lin_grad"


def lin_grad(inp, out, w, b):
    for t in (inp, w, b):
        if not hasattr(t, "g"):
            t.g = torch.zeros_like(t)
    inp.g += out.g @ w.t()
    w.g += inp.t() @ out.g
    b.g += out.g.sum(0)
