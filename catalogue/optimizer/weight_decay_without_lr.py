"""weight_decay shrinks p by 1 - wd, forgetting lr (AdamW's decay is lr * wd per step)."""
EXERCISE = "weight_decay"
TITLE = "weight_decay shrinks p by 1 - wd, leaving out lr"
EXPLANATION = ("Decoupled weight decay is p *= 1 - lr * wd: it scales with the learning rate, follows its schedule "
               "and stays small (wd = 0.01 with lr = 1e-3 takes off 1e-5 of p per step). p *= 1 - wd takes off wd "
               "every step, whatever lr is (lesson 11: AdamW, decoupled weight decay).")

def weight_decay(p, lr, wd, **kwargs):
    p.mul_(1 - wd)
    return p


weight_decay._defaults = {"wd": 0.0}
