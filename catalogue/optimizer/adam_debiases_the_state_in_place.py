"""adam_step debiases sqr_avg in place (sqr_avg.div_(debias2).sqrt_()): the state's average is overwritten by its
root."""
EXERCISE = "adam_step"

def adam_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, **kwargs):
    debias1, debias2 = debias(mom, mom_damp, step), debias(sqr_mom, sqr_damp, step)
    p.addcdiv_(grad_avg, sqr_avg.div_(debias2).sqrt_().add_(eps), value=-lr / debias1)
    return p


adam_step._defaults = {"eps": 1e-5}
