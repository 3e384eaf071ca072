"""momentum_step scales the state's grad_avg by lr in place (grad_avg.mul_(lr)) before subtracting it: the average
is corrupted for the next step."""
EXERCISE = "momentum_step"
TITLE = "momentum_step scales grad_avg by lr in place"
EXPLANATION = ("grad_avg.mul_(lr) overwrites the state's average with lr * grad_avg, so the next step averages onto a "
               "corrupted value. A stepper changes only p: p.add_(grad_avg, alpha=-lr) (lesson 11: momentum).")

def momentum_step(p, lr, grad_avg, **kwargs):
    p.sub_(grad_avg.mul_(lr))
    return p
