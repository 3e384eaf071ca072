"""momentum_step steps along p.grad instead of the state's grad_avg: plain SGD."""
EXERCISE = "momentum_step"
TITLE = "momentum_step steps along p.grad instead of grad_avg"
EXPLANATION = ("Momentum steps along the running average of the gradients, the state's grad_avg: p -= lr * grad_avg. "
               "Stepping along p.grad ignores the average, which is plain SGD (lesson 11: momentum).")

def momentum_step(p, lr, grad_avg, **kwargs):
    p.add_(p.grad, alpha=-lr)
    return p
