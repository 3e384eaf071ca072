"""adam_opt runs weight_decay after adam_step: torch's AdamW decays the weights before the Adam step."""
EXERCISE = "adam_opt"

def adam_opt(**defaults):
    return partial(StatefulOptimizer, steppers=[adam_step, weight_decay],
                   stats=[AverageGrad(dampening=True), AverageSqrGrad(), StepCount()], **defaults)
