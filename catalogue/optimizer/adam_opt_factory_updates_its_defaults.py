"""adam_opt's factory updates its own defaults with each call's keywords, so one optimizer's lr and wd leak into the
next."""
EXERCISE = "adam_opt"

def adam_opt(**defaults):
    def make(params, **more):
        defaults.update(more)
        return StatefulOptimizer(params, [weight_decay, adam_step],
                                 stats=[AverageGrad(dampening=True), AverageSqrGrad(), StepCount()], **defaults)
    return make
