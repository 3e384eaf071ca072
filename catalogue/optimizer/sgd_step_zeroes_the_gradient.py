"""sgd_step zeroes p.grad after using it, a job that is zero_grad's: a stepper changes only p."""
EXERCISE = "sgd_step"
TITLE = "sgd_step zeroes p.grad after stepping"
EXPLANATION = ("A stepper changes p and nothing else: the steppers after it may need the gradient, and clearing it is "
               "zero_grad()'s job, called by the training loop (lesson 11: optimizers from steppers).")

def sgd_step(p, lr, **kwargs):
    p.add_(p.grad, alpha=-lr)
    p.grad.zero_()
    return p
