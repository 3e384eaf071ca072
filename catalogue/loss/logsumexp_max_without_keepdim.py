"""The max trick with x.max(-1) without keepdim: (N, C) minus (N,) broadcasts along the wrong axis."""
EXERCISE = "logsumexp"


def logsumexp(x):
    m = x.max(-1).values
    return m + (x - m).exp().sum(-1).log()
