"""relu with clamp_min_: right values, but the caller's x is overwritten."""
EXERCISE = "relu"
TITLE = "relu with clamp_min_, which overwrites its input"
EXPLANATION = ("The trailing underscore makes clamp_min_ work in place: the values are right, but the caller's x is "
               "overwritten with the result. x.clamp_min(0.0) returns a new tensor and leaves x as it was (lesson 8: "
               "the forward pass).")


def relu(x):
    return x.clamp_min_(0.0)
