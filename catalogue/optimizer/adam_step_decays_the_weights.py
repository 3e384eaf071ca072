"""adam_step also applies the weight decay (p -= lr * wd * p), which weight_decay already does in adam_opt: AdamW
would decay twice."""
EXERCISE = "adam_step"
TITLE = "adam_step applies weight decay too, so adam_opt decays twice"
EXPLANATION = ("Each stepper does one thing: weight_decay shrinks p, and adam_step takes only the Adam step (a wd "
               "among its keyword arguments is ignored). Decaying inside adam_step as well multiplies p by 1 - lr * "
               "wd twice per step in adam_opt (lesson 11: AdamW, decoupled weight decay).")

def adam_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, **kwargs):
    debias1, debias2 = debias(mom, mom_damp, step), debias(sqr_mom, sqr_damp, step)
    p.mul_(1 - lr * kwargs.get("wd", 0.0))
    p.addcdiv_(grad_avg, (sqr_avg / debias2).sqrt() + eps, value=-lr / debias1)
    return p


adam_step._defaults = {"eps": 1e-5}
