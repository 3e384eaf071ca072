"""The max trick without care for rows of only -inf: -inf - (-inf) gives nan."""
EXERCISE = "logsumexp"
TITLE = "max trick with no care for rows of only -inf"
EXPLANATION = ("In a row of only -inf the max m is -inf too, and x - m = -inf - (-inf) is nan. Such a row has an empty "
               "sum, so its logsumexp is log(0) = -inf: shift it by 0 instead of by its max (lesson 9: the LogSumExp "
               "trick).")


def logsumexp(x):
    m = x.max(-1, keepdim=True).values
    return m.squeeze(-1) + (x - m).exp().sum(-1).log()
