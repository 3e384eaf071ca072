"""mse_grad leaves inp.g of shape (N,) instead of the (N, 1) of inp."""
EXERCISE = "mse_grad"
TITLE = "mse_grad leaves inp.g of shape (N,) instead of inp's (N, 1)"
EXPLANATION = ("A gradient has the shape of its tensor: inp is (N, 1), so inp.g must be too (unsqueeze(-1) after the "
               "subtraction). An (N,) gradient does not fit the next step, lin_grad's out.g @ w.T (lesson 8: the "
               "backward pass).")


def mse_grad(inp, targ):
    inp.g = 2.0 * (inp[:, 0] - targ) / inp.shape[0]
