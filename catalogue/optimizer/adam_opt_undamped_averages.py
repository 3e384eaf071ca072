"""adam_opt with undamped averages (AverageGrad(), AverageSqrGrad(dampening=False)), trusting the debiasing to
divide the damping out: it does while mom and sqr_mom stay put, not when a scheduler changes them."""
EXERCISE = "adam_opt"


def adam_opt(**defaults):
    def make(params, **more):
        stats = [AverageGrad(), AverageSqrGrad(dampening=False), StepCount()]
        return StatefulOptimizer(params, [weight_decay, adam_step], stats=stats, **{**defaults, **more})
    return make
