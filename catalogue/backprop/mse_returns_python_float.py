"""mse returns the loss as a Python number with .item(), as when printing it, instead of a 0-dim tensor."""
EXERCISE = "mse"


def mse(output, targ):
    return (output[:, 0] - targ).pow(2).mean().item()
