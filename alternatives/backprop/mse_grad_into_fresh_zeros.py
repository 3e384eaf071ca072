"""mse_grad fills column 0 of a fresh zeros_like(inp) on every call."""
EXERCISE = "mse_grad"


def mse_grad(inp, targ):
    g = torch.zeros_like(inp)
    g[:, 0] = 2 * (inp[:, 0] - targ) / len(targ)
    inp.g = g
