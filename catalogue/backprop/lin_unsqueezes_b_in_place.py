"""lin makes the bias a row with b.unsqueeze_(0) before adding it: the caller's b becomes (1, n_out)."""
EXERCISE = "lin"


def lin(x, w, b):
    return x @ w + b.unsqueeze_(0)
