"""log_softmax replaces -inf logits by the lowest finite number: impossible classes get finite log-probabilities."""
EXERCISE = "log_softmax"


def log_softmax(x):
    x = x.nan_to_num()
    return x - logsumexp(x).unsqueeze(-1)
