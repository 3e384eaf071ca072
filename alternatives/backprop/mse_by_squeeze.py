"""mse and mse_grad through squeeze(-1) and an explicit mean over N."""
EXERCISE = "mse_grad"


def mse_grad(inp, targ):
    diff = inp.squeeze(-1) - targ
    inp.g = (2 * diff / len(targ)).view(-1, 1)
