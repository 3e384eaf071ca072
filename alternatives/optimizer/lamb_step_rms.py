"""lamb_step with the lesson's root-mean-square norms (the ratio of norms over the same number of elements)
and the ratio as a tensor, torch.where giving 1 at a zero norm."""
EXERCISE = "lamb_step"


def lamb_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, wd, **kwargs):
    debias1, debias2 = debias(mom, mom_damp, step), debias(sqr_mom, sqr_damp, step)
    direction = (grad_avg / debias1) / ((sqr_avg / debias2).sqrt() + eps) + wd * p.data
    r1 = p.data.pow(2).mean().sqrt()
    r2 = direction.pow(2).mean().sqrt()
    ratio = torch.where((r1 == 0) | (r2 == 0), torch.ones_like(r1), r1 / torch.where(r2 == 0, 1, r2))
    p.data.sub_(lr * ratio * direction)
    return p


lamb_step._defaults = {"eps": 1e-6, "wd": 0.0}
