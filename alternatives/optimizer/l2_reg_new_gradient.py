"""l2_reg that gives p a new gradient tensor, p.grad + wd * p, rather than adding in place."""
EXERCISE = "l2_reg"


def l2_reg(p, wd, **kwargs):
    p.grad = p.grad + wd * p.detach()
    return p


l2_reg._defaults = {"wd": 0.0}
