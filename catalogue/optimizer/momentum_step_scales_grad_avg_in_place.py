"""momentum_step scales the state's grad_avg by lr in place (grad_avg.mul_(lr)) before subtracting it: the average
is corrupted for the next step."""
EXERCISE = "momentum_step"

def momentum_step(p, lr, grad_avg, **kwargs):
    p.sub_(grad_avg.mul_(lr))
    return p
