"""weight_decay adds wd * p to the gradient (L2, SGD's weight_decay) instead of decaying p itself (AdamW's decoupled
decay)."""
EXERCISE = "weight_decay"

def weight_decay(p, lr, wd, **kwargs):
    p.grad.add_(p, alpha=wd)
    return p


weight_decay._defaults = {"wd": 0.0}
