"""logsumexp sums with keepdim=True and returns shape (..., 1) instead of dropping the last axis."""
EXERCISE = "logsumexp"


def logsumexp(x):
    m = x.max(-1, keepdim=True).values
    m = torch.where(torch.isinf(m), torch.zeros_like(m), m)
    return m + (x - m).exp().sum(-1, keepdim=True).log()
