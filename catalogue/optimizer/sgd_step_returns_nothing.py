"""sgd_step updates p but returns nothing, so the optimizer hands None to the next stepper."""
EXERCISE = "sgd_step"
TITLE = "sgd_step does not return p"
EXPLANATION = ("The optimizer chains its steppers as p = stepper(p, **hypers), so each must return the parameter; "
               "returning nothing hands None to the next stepper (lesson 11: optimizers from steppers).")

def sgd_step(p, lr, **kwargs):
    p.add_(p.grad, alpha=-lr)
