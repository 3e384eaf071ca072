"""mse_grad forgets the 2 from the derivative of the square."""
EXERCISE = "mse_grad"


def mse_grad(inp, targ):
    inp.g = (inp[:, 0] - targ).unsqueeze(-1) / inp.shape[0]
