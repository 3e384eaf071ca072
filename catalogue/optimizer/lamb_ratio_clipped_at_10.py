"""lamb_step clips the trust ratio at 10, as the lesson's notebook did (min(r1 / r2, 10)); the contract does not
clip."""
EXERCISE = "lamb_step"
TITLE = "LAMB trust ratio clipped at 10"
EXPLANATION = ("The lesson's notebook capped the ratio, min(r1 / r2, 10), but the contract does not clip: r = ||p|| / "
               "||d|| (1 only when a norm is 0), so a parameter much larger than its direction gets its full ratio "
               "(lesson 11: LAMB).")

def lamb_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, wd, **kwargs):
    debias1, debias2 = debias(mom, mom_damp, step), debias(sqr_mom, sqr_damp, step)
    direction = grad_avg / debias1 / ((sqr_avg / debias2).sqrt() + eps) + wd * p
    r1, r2 = p.norm().item(), direction.norm().item()
    p.add_(direction, alpha=-lr * (1.0 if r1 == 0 or r2 == 0 else min(r1 / r2, 10)))
    return p


lamb_step._defaults = {"eps": 1e-6, "wd": 0.0}
