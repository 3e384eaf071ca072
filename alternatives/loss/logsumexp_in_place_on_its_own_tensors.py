"""logsumexp using exp_ in place, on the shifted copy it made itself (x is left alone)."""
EXERCISE = "logsumexp"


def logsumexp(x):
    m = x.max(dim=-1, keepdim=True).values
    m = m.masked_fill(m == float("-inf"), 0)
    shifted = x - m
    shifted.exp_()
    return shifted.sum(-1).log() + m.squeeze(-1)
