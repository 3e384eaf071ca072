"""l2_reg sets the gradient to wd * p, losing the loss's gradient."""
EXERCISE = "l2_reg"
TITLE = "l2_reg replaces the gradient with wd * p instead of adding to it"
EXPLANATION = ("L2 regularisation adds the penalty's gradient to the loss's: p.grad += wd * p. Setting p.grad = wd * "
               "p throws the loss's gradient away, so the parameters only shrink (lesson 11: weight decay).")

def l2_reg(p, wd, **kwargs):
    p.grad = wd * p.detach()
    return p


l2_reg._defaults = {"wd": 0.0}
