"""mse_grad returns the gradient instead of storing it in inp.g."""
EXERCISE = "mse_grad"


def mse_grad(inp, targ):
    return 2.0 * (inp[:, 0] - targ).unsqueeze(-1) / inp.shape[0]
