"""logsumexp as log(sum(exp(x))): exp overflows to inf for logits of a few hundred."""
EXERCISE = "logsumexp"


def logsumexp(x):
    return x.exp().sum(-1).log()
