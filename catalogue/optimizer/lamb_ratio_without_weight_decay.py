"""lamb_step takes the trust ratio against Adam's direction alone, without the wd * p it then adds."""
EXERCISE = "lamb_step"
TITLE = "LAMB trust ratio against Adam's direction, without the wd * p term"
EXPLANATION = ("The trust ratio compares the parameter with the direction actually taken, d = Adam's direction + wd * "
               "p: r = ||p|| / ||d||. Leaving wd * p out of ||d|| makes the ratio wrong whenever wd is not 0 (lesson "
               "11: LAMB).")

def lamb_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, wd, **kwargs):
    debias1, debias2 = debias(mom, mom_damp, step), debias(sqr_mom, sqr_damp, step)
    adam = grad_avg / debias1 / ((sqr_avg / debias2).sqrt() + eps)
    direction = adam + wd * p
    r1, r2 = p.norm().item(), adam.norm().item()
    p.add_(direction, alpha=-lr * (1.0 if r1 == 0 or r2 == 0 else r1 / r2))
    return p


lamb_step._defaults = {"eps": 1e-6, "wd": 0.0}
