"""adam_step that debiases from scratch at every step, summing the geometric series damp * mom**k for k < step,
and divides as torch does: sqrt(sqr_avg) / sqrt(debias2) + eps."""
EXERCISE = "adam_step"

import math  # noqa: E402


def adam_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, **kwargs):
    debias1 = sum(mom_damp * mom**k for k in range(step))
    debias2 = sum(sqr_damp * sqr_mom**k for k in range(step))
    denominator = sqr_avg.sqrt() / math.sqrt(debias2) + eps
    p.data.sub_((lr / debias1) * grad_avg / denominator)
    return p


adam_step._defaults = {"eps": 1e-5}
