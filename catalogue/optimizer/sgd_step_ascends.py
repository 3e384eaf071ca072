"""sgd_step adds the gradient (p += lr * grad): gradient ascent."""
EXERCISE = "sgd_step"

def sgd_step(p, lr, **kwargs):
    p.add_(p.grad, alpha=lr)
    return p
