"""logsumexp cleans the nan of rows of only -inf with nan_to_num(): they give 0 instead of -inf."""
EXERCISE = "logsumexp"


def logsumexp(x):
    m = x.max(-1, keepdim=True).values
    return (m.squeeze(-1) + (x - m).exp().sum(-1).log()).nan_to_num()
