"""momentum_step on p.data with the in-place operator -=."""
EXERCISE = "momentum_step"


def momentum_step(p, lr, grad_avg, **kwargs):
    p.data -= lr * grad_avg
    return p
