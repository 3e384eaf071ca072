"""adam_opt forgets StepCount, so adam_step gets no step to debias with."""
EXERCISE = "adam_opt"

def adam_opt(**defaults):
    return partial(StatefulOptimizer, steppers=[weight_decay, adam_step],
                   stats=[AverageGrad(dampening=True), AverageSqrGrad()], **defaults)
