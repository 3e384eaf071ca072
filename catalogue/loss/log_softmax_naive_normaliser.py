"""log_softmax as x - log(sum(exp(x))), the lesson's first version: exp overflows for large logits."""
EXERCISE = "log_softmax"


def log_softmax(x):
    return x - x.exp().sum(-1, keepdim=True).log()
