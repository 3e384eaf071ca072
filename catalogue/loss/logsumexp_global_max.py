"""The max trick with one max over the whole tensor: a row far below it underflows to log(0) = -inf."""
EXERCISE = "logsumexp"


def logsumexp(x):
    m = x.max()
    return m + (x - m).exp().sum(-1).log()
