"""log(exp(x) / exp(x).sum()): the naive softmax overflows, and log(0) underflows to -inf."""
EXERCISE = "log_softmax"
TITLE = "log_softmax as the log of a softmax computed with plain exp"
EXPLANATION = ("exp overflows to inf for large logits (and inf / inf is nan), and a tiny probability underflows to 0, "
               "whose log is -inf. log_softmax(x) = x - logsumexp(x), with the max trick inside logsumexp, computes "
               "neither (lesson 9: the LogSumExp trick).")


def log_softmax(x):
    e = x.exp()
    return (e / e.sum(-1, keepdim=True)).log()
