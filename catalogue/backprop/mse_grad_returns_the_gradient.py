"""mse_grad returns the gradient instead of storing it in inp.g."""
EXERCISE = "mse_grad"
TITLE = "mse_grad returns the gradient instead of storing it in inp.g"
EXPLANATION = ("The lesson's *_grad functions return nothing: they store each gradient on its tensor, inp.g = ..., "
               "where the next step finds it (lin_grad reads out.g) (lesson 8: the backward pass).")


def mse_grad(inp, targ):
    return 2.0 * (inp[:, 0] - targ).unsqueeze(-1) / inp.shape[0]
