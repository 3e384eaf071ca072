"""logsumexp shifts with x -= m: augmented assignment on a tensor overwrites the caller's logits."""
EXERCISE = "logsumexp"


def logsumexp(x):
    m = x.max(-1, keepdim=True).values
    m = torch.where(torch.isinf(m), torch.zeros_like(m), m)
    x -= m
    return m.squeeze(-1) + x.exp().sum(-1).log()
