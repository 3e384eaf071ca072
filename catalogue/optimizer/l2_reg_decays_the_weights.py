"""l2_reg shrinks p itself (p -= wd * p) instead of adding wd * p to the gradient."""
EXERCISE = "l2_reg"
TITLE = "l2_reg shrinks p itself instead of adding wd * p to the gradient"
EXPLANATION = ("L2 regularisation adds the penalty's gradient to the gradient, p.grad += wd * p, and sgd_step then "
               "scales it by lr. Shrinking p by wd directly is weight decay without lr: l2_reg changes p.grad, not p "
               "(lesson 11: weight decay).")

def l2_reg(p, wd, **kwargs):
    p.mul_(1 - wd)
    return p


l2_reg._defaults = {"wd": 0.0}
