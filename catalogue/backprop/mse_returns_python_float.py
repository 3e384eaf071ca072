"""mse returns the loss as a Python number with .item(), as when printing it, instead of a 0-dim tensor."""
EXERCISE = "mse"
TITLE = "mse returns the loss as a Python float (.item())"
EXPLANATION = ("The loss is a 0-dim tensor, as .mean() returns it; .item() turns it into a Python number, fine for "
               "printing but no longer a tensor in the inputs' dtype (lesson 8: the forward pass).")


def mse(output, targ):
    return (output[:, 0] - targ).pow(2).mean().item()
