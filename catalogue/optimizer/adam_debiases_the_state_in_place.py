"""adam_step debiases sqr_avg in place (sqr_avg.div_(debias2).sqrt_().add_(eps)): the state's average is
overwritten by its root plus eps."""
EXERCISE = "adam_step"
TITLE = "adam_step debiases sqr_avg in place, overwriting the state"
EXPLANATION = ("sqr_avg.div_(debias2).sqrt_() writes the debiased root (plus eps) into the state, so the next step "
               "averages new squares into a root instead of the average of squares. A stepper changes only p: compute "
               "(sqr_avg / debias2).sqrt() + eps into a new tensor (lesson 11: Adam).")

def adam_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, **kwargs):
    debias1, debias2 = debias(mom, mom_damp, step), debias(sqr_mom, sqr_damp, step)
    p.addcdiv_(grad_avg, sqr_avg.div_(debias2).sqrt_().add_(eps), value=-lr / debias1)
    return p


adam_step._defaults = {"eps": 1e-5}
