"""adam_step divides grad_avg by sqrt(sqr_avg) + eps without debiasing either average."""
EXERCISE = "adam_step"

def adam_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, **kwargs):
    p.addcdiv_(grad_avg, sqr_avg.sqrt() + eps, value=-lr)
    return p


adam_step._defaults = {"eps": 1e-5}
