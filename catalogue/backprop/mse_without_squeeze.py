"""mse subtracts (N,) targets from the (N, 1) output directly, broadcasting to (N, N)."""
EXERCISE = "mse"


def mse(output, targ):
    return (output - targ).pow(2).mean()
