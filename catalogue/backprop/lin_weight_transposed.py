"""lin uses x @ w.t() + b, as nn.Linear stores its weight, instead of x @ w + b (square w here)."""
EXERCISE = "lin"


def lin(x, w, b):
    return (x @ w.t() if w.shape[0] == w.shape[1] else x @ w) + b
