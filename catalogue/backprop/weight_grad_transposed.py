"""The weight gradient computed as out.g.T @ inp, the transpose of what w needs (patched to w's shape)."""
EXERCISE = "lin_grad"


def lin_grad(inp, out, w, b):
    inp.g = out.g @ w.t()
    wg = out.g.t() @ inp
    w.g = wg.t() if wg.shape != w.shape else wg
    if wg.shape != w.shape:  # non-square: the student "fixes" the shape error by reshaping
        w.g = wg.reshape(w.shape)
    b.g = out.g.sum(0)
