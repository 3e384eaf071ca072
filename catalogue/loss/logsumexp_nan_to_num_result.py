"""logsumexp cleans the nan of rows of only -inf with nan_to_num(): they give 0 instead of -inf."""
EXERCISE = "logsumexp"
TITLE = "rows of only -inf made 0 by nan_to_num instead of -inf"
EXPLANATION = ("A row of only -inf has an empty sum, so its logsumexp is log(0) = -inf, not 0. The nan comes from -inf "
               "- (-inf) in the shift: shift such a row by 0 instead of by its max, and -inf comes out with no "
               "cleaning (lesson 9: the LogSumExp trick).")


def logsumexp(x):
    m = x.max(-1, keepdim=True).values
    return (m.squeeze(-1) + (x - m).exp().sum(-1).log()).nan_to_num()
