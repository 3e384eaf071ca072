"""lin makes the bias a row with b.unsqueeze_(0) before adding it: the caller's b becomes (1, n_out)."""
EXERCISE = "lin"
TITLE = "b.unsqueeze_(0) in lin reshapes the caller's bias"
EXPLANATION = ("unsqueeze_, with the underscore, changes b itself: after one call the caller's bias has shape (1, "
               "n_out) instead of (n_out,). No reshape is needed: in x @ w + b the (n_out,) bias broadcasts over the "
               "batch (lesson 8: the forward pass).")


def lin(x, w, b):
    return x @ w + b.unsqueeze_(0)
