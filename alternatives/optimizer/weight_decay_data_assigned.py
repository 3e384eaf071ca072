"""weight_decay that assigns a new tensor to p.data (the same parameter, new values), computed as p - lr * wd * p."""
EXERCISE = "weight_decay"


def weight_decay(p, lr, wd, **kwargs):
    p.data = p.data - (lr * wd) * p.data
    return p


weight_decay._defaults = {"wd": 0.0}
