"""l2_reg sets the gradient to wd * p, losing the loss's gradient."""
EXERCISE = "l2_reg"

def l2_reg(p, wd, **kwargs):
    p.grad = wd * p.detach()
    return p


l2_reg._defaults = {"wd": 0.0}
