"""logsumexp sums with keepdim=True and returns shape (..., 1) instead of dropping the last axis."""
EXERCISE = "logsumexp"
TITLE = "logsumexp keeps the reduced axis (keepdim=True) in its result"
EXPLANATION = ("logsumexp reduces the last dimension away, like torch.logsumexp(x, -1): (..., C) gives (...). keepdim "
               "belongs to the max inside, so that it broadcasts against x, not to the result (lesson 9: the LogSumExp "
               "trick).")


def logsumexp(x):
    m = x.max(-1, keepdim=True).values
    m = torch.where(torch.isinf(m), torch.zeros_like(m), m)
    return m + (x - m).exp().sum(-1, keepdim=True).log()
