"""mse_grad forgets the 2 from the derivative of the square."""
EXERCISE = "mse_grad"
TITLE = "mse_grad without the factor 2 from the derivative of the square"
EXPLANATION = ("The derivative of (x - t)**2 is 2 * (x - t), so d mse / d inp[i, 0] = 2 * (inp[i, 0] - targ[i]) / N; "
               "without the 2 every gradient in the network is half the true one (lesson 8: the backward pass).")


def mse_grad(inp, targ):
    inp.g = (inp[:, 0] - targ).unsqueeze(-1) / inp.shape[0]
