"""The max trick without care for rows of only -inf: -inf - (-inf) gives nan."""
EXERCISE = "logsumexp"


def logsumexp(x):
    m = x.max(-1, keepdim=True).values
    return m.squeeze(-1) + (x - m).exp().sum(-1).log()
