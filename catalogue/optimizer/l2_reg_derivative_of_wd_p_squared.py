"""l2_reg adds 2 * wd * p, the derivative of wd * p**2, where the contract (and SGD's weight_decay) adds wd * p."""
EXERCISE = "l2_reg"
TITLE = "l2_reg adds 2 * wd * p to the gradient instead of wd * p"
EXPLANATION = ("l2_reg adds wd * p, as torch.optim.SGD's weight_decay does: the factor 2 from differentiating p**2 is "
               "folded into wd (the penalty is wd / 2 * p**2). Adding 2 * wd * p doubles the regularisation (lesson "
               "11: weight decay).")

def l2_reg(p, wd, **kwargs):
    p.grad.add_(p, alpha=2 * wd)
    return p


l2_reg._defaults = {"wd": 0.0}
