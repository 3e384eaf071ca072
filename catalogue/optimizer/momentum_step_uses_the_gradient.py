"""momentum_step steps along p.grad instead of the state's grad_avg: plain SGD."""
EXERCISE = "momentum_step"

def momentum_step(p, lr, grad_avg, **kwargs):
    p.add_(p.grad, alpha=-lr)
    return p
