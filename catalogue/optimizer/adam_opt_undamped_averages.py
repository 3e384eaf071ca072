"""adam_opt with undamped averages (AverageGrad(), AverageSqrGrad(dampening=False)), trusting the debiasing to
divide the damping out: it does while mom and sqr_mom stay put, not when a scheduler changes them."""
EXERCISE = "adam_opt"
TITLE = "adam_opt builds Adam from undamped averages"
EXPLANATION = ("Adam's averages are damped: AverageGrad(dampening=True) and AverageSqrGrad(). Undamped ones give the "
               "same steps only while mom and sqr_mom stay constant, as debiasing divides the damping out; once a "
               "scheduler changes them (OneCycle's momentum) the steps no longer match AdamW's (lesson 11: Adam).")


def adam_opt(**defaults):
    def make(params, **more):
        stats = [AverageGrad(), AverageSqrGrad(dampening=False), StepCount()]
        return StatefulOptimizer(params, [weight_decay, adam_step], stats=stats, **{**defaults, **more})
    return make
