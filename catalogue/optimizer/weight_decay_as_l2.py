"""weight_decay adds wd * p to the gradient (L2, SGD's weight_decay) instead of decaying p itself (AdamW's decoupled
decay)."""
EXERCISE = "weight_decay"
TITLE = "weight_decay adds wd * p to the gradient (L2) instead of shrinking p"
EXPLANATION = ("Decoupled weight decay (AdamW's) shrinks the weights themselves, p *= 1 - lr * wd. Adding wd * p to "
               "p.grad is L2 regularisation (l2_reg), and in adam_opt, where the statistics have already read the "
               "gradient, it changes nothing (lesson 11: AdamW, decoupled weight decay).")

def weight_decay(p, lr, wd, **kwargs):
    p.grad.add_(p, alpha=wd)
    return p


weight_decay._defaults = {"wd": 0.0}
