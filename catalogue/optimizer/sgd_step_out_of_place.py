"""sgd_step computes p - lr * grad into a new tensor and returns it: the parameter itself never moves."""
EXERCISE = "sgd_step"
TITLE = "sgd_step computes a new tensor instead of changing p in place"
EXPLANATION = ("p = p - lr * p.grad binds the local name to a new tensor and the model's parameter never moves. A "
               "stepper updates p in place, p.add_(p.grad, alpha=-lr) under the optimizer's no_grad, and returns it "
               "(lesson 11: optimizers from steppers).")

def sgd_step(p, lr, **kwargs):
    p = p - lr * p.grad
    return p
