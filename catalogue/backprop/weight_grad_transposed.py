"""The weight gradient computed as out.g.T @ inp, the transpose of what w needs (patched to w's shape)."""
EXERCISE = "lin_grad"
TITLE = "weight gradient as out.g.T @ inp, the transpose of what w needs"
EXPLANATION = ("w is (n_in, n_out), so w.g = inp.T @ out.g, (n_in, N) @ (N, n_out), summing over the batch. out.g.T @ "
               "inp is its transpose, (n_out, n_in), and reshaping it to w's shape does not put the values in their "
               "places (lesson 8: the backward pass).")


def lin_grad(inp, out, w, b):
    inp.g = out.g @ w.t()
    wg = out.g.t() @ inp
    w.g = wg.t() if wg.shape != w.shape else wg
    if wg.shape != w.shape:  # non-square: the student "fixes" the shape error by reshaping
        w.g = wg.reshape(w.shape)
    b.g = out.g.sum(0)
