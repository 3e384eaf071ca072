"""lamb_step takes the norms with p.pow(2).mean() without the square root: the ratio of mean squares, the square of
the trust ratio."""
EXERCISE = "lamb_step"
TITLE = "LAMB trust ratio from mean squares, without the square root"
EXPLANATION = ("r is a ratio of norms, square roots of sums of squares: p.norm() / d.norm(). p.pow(2).mean() / "
               "d.pow(2).mean() has no square root, so it is r squared: steps too large where r > 1 and too small "
               "where r < 1 (lesson 11: LAMB).")

def lamb_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, wd, **kwargs):
    debias1, debias2 = debias(mom, mom_damp, step), debias(sqr_mom, sqr_damp, step)
    direction = grad_avg / debias1 / ((sqr_avg / debias2).sqrt() + eps) + wd * p
    r1, r2 = p.pow(2).mean().item(), direction.pow(2).mean().item()
    p.add_(direction, alpha=-lr * (1.0 if r1 == 0 or r2 == 0 else r1 / r2))
    return p


lamb_step._defaults = {"eps": 1e-6, "wd": 0.0}
