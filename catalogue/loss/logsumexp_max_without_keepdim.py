"""The max trick with x.max(-1) without keepdim: (N, C) minus (N,) broadcasts along the wrong axis."""
EXERCISE = "logsumexp"
TITLE = "max trick with x.max(-1) without keepdim"
EXPLANATION = ("The row maxima have shape (N,): subtracted from (N, C) they line up with the last axis, so entries are "
               "shifted by other rows' maxima (or the shapes do not fit). keepdim=True gives (N, 1), which broadcasts "
               "across each row (lesson 9: the LogSumExp trick).")


def logsumexp(x):
    m = x.max(-1).values
    return m + (x - m).exp().sum(-1).log()
