"""logsumexp as log(sum(exp(x))): exp overflows to inf for logits of a few hundred."""
EXERCISE = "logsumexp"
TITLE = "logsumexp as log(sum(exp(x))), without the max trick"
EXPLANATION = ("exp overflows to inf for logits of a few hundred (from 89 in float32), and so does the result. Take "
               "each row's max m out first: m + log(sum(exp(x - m))), every exp in (0, 1] and the sum in [1, C] "
               "(lesson 9: the LogSumExp trick).")


def logsumexp(x):
    return x.exp().sum(-1).log()
