"""l2_reg scales the penalty by lr (p.grad += lr * wd * p): sgd_step multiplies by lr again."""
EXERCISE = "l2_reg"

def l2_reg(p, wd, lr=0.0, **kwargs):
    p.grad.add_(p, alpha=lr * wd)
    return p


l2_reg._defaults = {"wd": 0.0}
