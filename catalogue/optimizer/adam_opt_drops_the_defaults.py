"""adam_opt builds the partial without **defaults: the betas, eps and wd given to it are lost."""
EXERCISE = "adam_opt"

def adam_opt(**defaults):
    return partial(StatefulOptimizer, steppers=[weight_decay, adam_step],
                   stats=[AverageGrad(dampening=True), AverageSqrGrad(), StepCount()])
