"""l2_reg shrinks p itself (p -= wd * p) instead of adding wd * p to the gradient."""
EXERCISE = "l2_reg"

def l2_reg(p, wd, **kwargs):
    p.mul_(1 - wd)
    return p


l2_reg._defaults = {"wd": 0.0}
