"""lamb_step divides the norms without a guard: a zero parameter never moves (ratio 0) and a zero direction makes
nan (0 / 0)."""
EXERCISE = "lamb_step"

def lamb_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, wd, **kwargs):
    debias1, debias2 = debias(mom, mom_damp, step), debias(sqr_mom, sqr_damp, step)
    direction = grad_avg / debias1 / ((sqr_avg / debias2).sqrt() + eps) + wd * p
    r1, r2 = p.norm(), direction.norm()
    p.add_(direction * (-lr * r1 / r2))
    return p


lamb_step._defaults = {"eps": 1e-6, "wd": 0.0}
