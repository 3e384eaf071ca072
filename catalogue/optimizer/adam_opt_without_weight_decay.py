"""adam_opt leaves weight_decay out: Adam, whatever wd is given."""
EXERCISE = "adam_opt"

def adam_opt(**defaults):
    return partial(StatefulOptimizer, steppers=[adam_step],
                   stats=[AverageGrad(dampening=True), AverageSqrGrad(), StepCount()], **defaults)
