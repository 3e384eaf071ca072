"""lamb_step's trust ratio is ||d|| / ||p|| instead of ||p|| / ||d||."""
EXERCISE = "lamb_step"
TITLE = "LAMB trust ratio inverted: ||d|| / ||p||"
EXPLANATION = ("LAMB scales each tensor's step to the size of its weights: r = ||p|| / ||d||, so large weights take "
               "large steps and small weights small ones. ||d|| / ||p|| does the opposite (lesson 11: LAMB).")

def lamb_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, wd, **kwargs):
    debias1, debias2 = debias(mom, mom_damp, step), debias(sqr_mom, sqr_damp, step)
    direction = grad_avg / debias1 / ((sqr_avg / debias2).sqrt() + eps) + wd * p
    r1, r2 = p.norm().item(), direction.norm().item()
    p.add_(direction, alpha=-lr * (1.0 if r1 == 0 or r2 == 0 else r2 / r1))
    return p


lamb_step._defaults = {"eps": 1e-6, "wd": 0.0}
