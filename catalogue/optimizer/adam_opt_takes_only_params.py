"""adam_opt returns lambda params: ..., which refuses the lr the Learner passes (opt_func(params, lr=lr))."""
EXERCISE = "adam_opt"

def adam_opt(**defaults):
    return lambda params: StatefulOptimizer(params, [weight_decay, adam_step],
                                            stats=[AverageGrad(dampening=True), AverageSqrGrad(), StepCount()],
                                            **defaults)
