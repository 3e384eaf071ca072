"""x - logsumexp(x) without putting the reduced axis back: (N, C) minus (N,) broadcasts along the wrong axis."""
EXERCISE = "log_softmax"
TITLE = "x - logsumexp(x) without putting the reduced axis back"
EXPLANATION = ("logsumexp(x) has shape (N,): subtracted from (N, C) it lines up with the last axis, so column j gets "
               "row j's value (or the shapes do not fit). unsqueeze(-1) makes it (N, 1), which broadcasts across each "
               "row (lesson 9: log-softmax).")


def log_softmax(x):
    return x - logsumexp(x)
