"""log_softmax as x.sub_(logsumexp(x)): the right values, written into the caller's logits."""
EXERCISE = "log_softmax"


def log_softmax(x):
    return x.sub_(logsumexp(x).unsqueeze(-1))
