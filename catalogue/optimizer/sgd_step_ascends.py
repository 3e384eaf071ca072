"""sgd_step adds the gradient (p += lr * grad): gradient ascent."""
EXERCISE = "sgd_step"
TITLE = "sgd_step adds the gradient: gradient ascent"
EXPLANATION = ("The gradient points towards a larger loss, so SGD steps against it: p -= lr * p.grad. Adding it "
               "climbs the loss instead of descending (lesson 11: optimizers from steppers).")

def sgd_step(p, lr, **kwargs):
    p.add_(p.grad, alpha=lr)
    return p
