"""weight_decay shrinks p by 1 - wd, forgetting lr (AdamW's decay is lr * wd per step)."""
EXERCISE = "weight_decay"

def weight_decay(p, lr, wd, **kwargs):
    p.mul_(1 - wd)
    return p


weight_decay._defaults = {"wd": 0.0}
