"""mse lines the shapes up with targ.unsqueeze_(-1): the right loss, but the caller's targ is now (N, 1)."""
EXERCISE = "mse"


def mse(output, targ):
    return (output - targ.unsqueeze_(-1)).pow(2).mean()
