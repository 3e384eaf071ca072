"""adam_step divides sqrt(sqr_avg) by debias2 instead of taking sqrt(sqr_avg / debias2)."""
EXERCISE = "adam_step"
TITLE = "debias2 applied outside the square root of sqr_avg"
EXPLANATION = ("debias2 corrects the average of squares, so it belongs under the root: sqrt(sqr_avg / debias2). "
               "Dividing sqrt(sqr_avg) by debias2 corrects the root by debias2 instead of sqrt(debias2): with the "
               "default damped average the denominator is 10 times too large at the first step (lesson 11: Adam).")

def adam_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, **kwargs):
    debias1, debias2 = debias(mom, mom_damp, step), debias(sqr_mom, sqr_damp, step)
    p.addcdiv_(grad_avg, sqr_avg.sqrt() / debias2 + eps, value=-lr / debias1)
    return p


adam_step._defaults = {"eps": 1e-5}
