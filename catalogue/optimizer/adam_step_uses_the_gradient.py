"""adam_step divides the raw gradient p.grad, not the average grad_avg: RMSProp rather than Adam."""
EXERCISE = "adam_step"
TITLE = "adam_step divides the raw gradient instead of grad_avg"
EXPLANATION = ("Adam's numerator is the debiased average gradient, grad_avg / debias1, its momentum. Dividing p.grad "
               "by the root of the average of squares is RMSProp, which forgets the directions of the previous steps "
               "(lesson 11: Adam).")

def adam_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, **kwargs):
    debias2 = debias(sqr_mom, sqr_damp, step)
    p.addcdiv_(p.grad, (sqr_avg / debias2).sqrt() + eps, value=-lr)
    return p


adam_step._defaults = {"eps": 1e-5}
