"""log_softmax subtracts a detached logsumexp: right values, but the gradient misses the softmax term."""
EXERCISE = "log_softmax"


def log_softmax(x):
    return x - logsumexp(x).detach().unsqueeze(-1)
