"""logsumexp via amax, with the all -inf rows handled by nan_to_num."""
EXERCISE = "logsumexp"


def logsumexp(x):
    m = x.amax(dim=-1, keepdim=True).detach()
    m = m.nan_to_num(neginf=0.0)
    return (x - m).exp().sum(dim=-1).log() + m[..., 0]
