"""adam_step divides grad_avg by sqrt(sqr_avg) + eps without debiasing either average."""
EXERCISE = "adam_step"
TITLE = "adam_step without debiasing either average"
EXPLANATION = ("grad_avg and sqr_avg start at zero, so in the first steps they are too small: Adam divides them by "
               "debias1 = debias(mom, mom_damp, step) and debias2 = debias(sqr_mom, sqr_damp, step). Without that the "
               "early steps are mis-scaled, and an undamped average keeps the wrong scale (lesson 11: Adam).")

def adam_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, **kwargs):
    p.addcdiv_(grad_avg, sqr_avg.sqrt() + eps, value=-lr)
    return p


adam_step._defaults = {"eps": 1e-5}
