"""lamb_step divides the norms without a guard: a zero parameter never moves (ratio 0) and a zero direction makes
nan (an infinite ratio times 0)."""
EXERCISE = "lamb_step"
TITLE = "LAMB trust ratio without the guard for a zero norm"
EXPLANATION = ("The trust ratio r = ||p|| / ||d|| is taken as 1 when either norm is 0. Without that guard a zero "
               "parameter (a bias that starts at zero) gets r = 0 and never moves, and a zero direction gives r = inf "
               "and a step of inf * 0 = nan (lesson 11: LAMB).")

def lamb_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, wd, **kwargs):
    debias1, debias2 = debias(mom, mom_damp, step), debias(sqr_mom, sqr_damp, step)
    direction = grad_avg / debias1 / ((sqr_avg / debias2).sqrt() + eps) + wd * p
    r1, r2 = p.norm(), direction.norm()
    p.add_(direction * (-lr * r1 / r2))
    return p


lamb_step._defaults = {"eps": 1e-6, "wd": 0.0}
