"""logsumexp replaces -inf logits by the dtype's lowest finite number first: a row of only -inf gives a finite value."""
EXERCISE = "logsumexp"
TITLE = "logsumexp replaces -inf logits by a finite number first"
EXPLANATION = ("exp(-inf) = 0 already drops -inf entries from the sum. Made finite, a row of only -inf gives a huge "
               "finite value instead of log(0) = -inf. Leave x as it is, and shift such a row by 0 rather than by its "
               "max (lesson 9: the LogSumExp trick).")


def logsumexp(x):
    x = x.nan_to_num()
    m = x.max(-1, keepdim=True).values
    return m.squeeze(-1) + (x - m).exp().sum(-1).log()
