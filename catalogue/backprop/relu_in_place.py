"""relu with clamp_min_: right values, but the caller's x is overwritten."""
EXERCISE = "relu"


def relu(x):
    return x.clamp_min_(0.0)
