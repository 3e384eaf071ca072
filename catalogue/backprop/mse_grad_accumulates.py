"""mse_grad adds to an existing inp.g (getattr(inp, 'g', 0) + ...), as torch's .grad accumulates."""
EXERCISE = "mse_grad"


def mse_grad(inp, targ):
    inp.g = getattr(inp, "g", 0) + 2.0 * (inp[:, 0] - targ).unsqueeze(-1) / inp.shape[0]
