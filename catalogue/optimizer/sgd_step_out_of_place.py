"""sgd_step computes p - lr * grad into a new tensor and returns it: the parameter itself never moves."""
EXERCISE = "sgd_step"

def sgd_step(p, lr, **kwargs):
    p = p - lr * p.grad
    return p
