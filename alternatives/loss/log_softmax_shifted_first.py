"""log_softmax as (x - m) - log(sum(exp(x - m))), the accurate form, without calling logsumexp."""
EXERCISE = "log_softmax"


def log_softmax(x):
    shifted = x - x.max(-1, keepdim=True).values
    return shifted - shifted.exp().sum(-1, keepdim=True).log()
