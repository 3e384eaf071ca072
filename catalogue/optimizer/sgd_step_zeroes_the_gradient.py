"""sgd_step zeroes p.grad after using it, a job that is zero_grad's: a stepper changes only p."""
EXERCISE = "sgd_step"

def sgd_step(p, lr, **kwargs):
    p.add_(p.grad, alpha=-lr)
    p.grad.zero_()
    return p
