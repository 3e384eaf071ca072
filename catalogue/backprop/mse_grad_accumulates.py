"""mse_grad adds to an existing inp.g (getattr(inp, 'g', 0) + ...), as torch's .grad accumulates."""
EXERCISE = "mse_grad"
TITLE = "mse_grad adds to an existing inp.g instead of setting it"
EXPLANATION = ("Each call sets inp.g to this call's gradient, 2 * (inp[:, 0] - targ) / N as an (N, 1) tensor; adding "
               "to a .g left by an earlier call gives the sum of both. torch's .grad accumulates, the lesson's .g does "
               "not (lesson 8: the backward pass).")


def mse_grad(inp, targ):
    inp.g = getattr(inp, "g", 0) + 2.0 * (inp[:, 0] - targ).unsqueeze(-1) / inp.shape[0]
