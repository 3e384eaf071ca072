"""adam_step debiases by 1 - mom**step (Adam's paper, which assumes damped averages), ignoring the state's mom_damp
and sqr_damp."""
EXERCISE = "adam_step"
TITLE = "Adam debiased by 1 - mom**step, ignoring mom_damp and sqr_damp"
EXPLANATION = ("An average started at zero is scaled by debias(mom, damp, step) = damp * (1 - mom**step) / (1 - mom); "
               "1 - mom**step is that only for a damped average (damp = 1 - mom). For an undamped one (damp = 1) it "
               "is off by the factor 1 - mom: read the state's mom_damp and sqr_damp (lesson 11: Adam).")

def adam_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, **kwargs):
    debias1, debias2 = 1 - mom**step, 1 - sqr_mom**step
    p.addcdiv_(grad_avg, (sqr_avg / debias2).sqrt() + eps, value=-lr / debias1)
    return p


adam_step._defaults = {"eps": 1e-5}
