"""l2_reg adds 2 * wd * p, the derivative of wd * p**2, where the contract (and SGD's weight_decay) adds wd * p."""
EXERCISE = "l2_reg"

def l2_reg(p, wd, **kwargs):
    p.grad.add_(p, alpha=2 * wd)
    return p


l2_reg._defaults = {"wd": 0.0}
