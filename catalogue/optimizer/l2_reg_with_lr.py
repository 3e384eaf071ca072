"""l2_reg scales the penalty by lr (p.grad += lr * wd * p): sgd_step multiplies by lr again."""
EXERCISE = "l2_reg"
TITLE = "l2_reg multiplies the penalty by lr"
EXPLANATION = ("l2_reg adds the penalty's gradient, p.grad += wd * p, and sgd_step then multiplies the whole gradient "
               "by lr. Scaling by lr inside l2_reg as well applies lr twice: the penalty's step becomes lr * lr * wd "
               "* p (lesson 11: weight decay).")

def l2_reg(p, wd, lr=0.0, **kwargs):
    p.grad.add_(p, alpha=lr * wd)
    return p


l2_reg._defaults = {"wd": 0.0}
