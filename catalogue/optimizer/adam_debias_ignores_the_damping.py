"""adam_step debiases by 1 - mom**step (Adam's paper, which assumes damped averages), ignoring the state's mom_damp
and sqr_damp."""
EXERCISE = "adam_step"

def adam_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, **kwargs):
    debias1, debias2 = 1 - mom**step, 1 - sqr_mom**step
    p.addcdiv_(grad_avg, (sqr_avg / debias2).sqrt() + eps, value=-lr / debias1)
    return p


adam_step._defaults = {"eps": 1e-5}
