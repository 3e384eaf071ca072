"""inp.g = out.g @ w without the transpose, reshaped to silence the shape error."""
EXERCISE = "lin_grad"
TITLE = "input gradient with w reshaped instead of transposed"
EXPLANATION = ("inp.g = out.g @ w.T: the (N, n_out) gradient times the transpose of the (n_in, n_out) weights. reshape "
               "keeps the values in memory order and only changes the shape, so w.reshape(n_out, n_in) is not w.T and "
               "the values land in the wrong places (lesson 8: the backward pass).")


def lin_grad(inp, out, w, b):
    g = out.g @ w.reshape(w.shape[1], w.shape[0])
    inp.g = g
    w.g = inp.t() @ out.g
    b.g = out.g.sum(0)
