"""adam_step adds eps inside the square root: sqrt(sqr_avg / debias2 + eps)."""
EXERCISE = "adam_step"
TITLE = "adam_step adds eps inside the square root"
EXPLANATION = ("Adam divides by sqrt(sqr_avg / debias2) + eps: eps only keeps the step finite where the average of "
               "squares is tiny. Inside the root it becomes sqrt(... + eps), a floor of sqrt(eps), about 3e-3 for "
               "eps=1e-5, that damps every small step (lesson 11: Adam).")

def adam_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, **kwargs):
    debias1, debias2 = debias(mom, mom_damp, step), debias(sqr_mom, sqr_damp, step)
    p.addcdiv_(grad_avg, (sqr_avg / debias2 + eps).sqrt(), value=-lr / debias1)
    return p


adam_step._defaults = {"eps": 1e-5}
