"""lin_grad writes into the .g tensors of an earlier call when they are there (copy_), as torch reuses .grad."""
EXERCISE = "lin_grad"


def _store(t, value):
    if isinstance(getattr(t, "g", None), torch.Tensor) and t.g.shape == value.shape:
        t.g.copy_(value)
    else:
        t.g = value


def lin_grad(inp, out, w, b):
    _store(inp, out.g @ w.t())
    _store(w, inp.t() @ out.g)
    _store(b, out.g.sum(0))
