"""mse_grad fixes the shapes with targ.unsqueeze_(-1): right gradient, but the caller's targ becomes (N, 1)."""
EXERCISE = "mse_grad"
TITLE = "targ.unsqueeze_(-1) in mse_grad reshapes the caller's targets"
EXPLANATION = ("unsqueeze_ changes targ itself: the gradient is right, but the caller's targets become (N, 1), and "
               "whatever reads them next gets the wrong shape. Take inp[:, 0] - targ and unsqueeze the result instead "
               "(lesson 8: the backward pass).")


def mse_grad(inp, targ):
    inp.g = 2.0 * (inp - targ.unsqueeze_(-1)) / inp.shape[0]
