"""adam_opt as a function of (params, **more) that builds new statistics for every optimizer and merges the
keywords itself, what is given at the call winning."""
EXERCISE = "adam_opt"


def adam_opt(**defaults):
    def make(params, **more):
        stats = [AverageGrad(dampening=True), AverageSqrGrad(dampening=True), StepCount()]
        return StatefulOptimizer(params, steppers=(weight_decay, adam_step), stats=stats, **{**defaults, **more})
    return make
