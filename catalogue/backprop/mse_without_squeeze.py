"""mse subtracts (N,) targets from the (N, 1) output directly, broadcasting to (N, N)."""
EXERCISE = "mse"
TITLE = "mse subtracts (N,) targets from the (N, 1) output without squeezing"
EXPLANATION = ("Broadcasting (N, 1) against (N,) gives an (N, N) matrix of every output minus every target, whose mean "
               "is not the loss. Take output[:, 0] (or squeeze(-1)) first, so the difference is (N,) (lesson 8: the "
               "forward pass).")


def mse(output, targ):
    return (output - targ).pow(2).mean()
