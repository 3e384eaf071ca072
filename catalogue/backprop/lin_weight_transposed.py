"""lin uses x @ w.t() + b, as nn.Linear stores its weight, instead of x @ w + b (square w here)."""
EXERCISE = "lin"
TITLE = "lin computes x @ w.t() + b, as for nn.Linear's stored weight"
EXPLANATION = ("In the lesson's network w has shape (n_in, n_out) and lin is x @ w + b; the transpose belongs to "
               "nn.Linear, whose weight is stored as (n_out, n_in). Transposing this w multiplies by the wrong matrix "
               "(lesson 8: the forward pass).")


def lin(x, w, b):
    return (x @ w.t() if w.shape[0] == w.shape[1] else x @ w) + b
