"""adam_opt uses l2_reg where AdamW's decoupled weight_decay belongs: as a stepper, after the statistics, it changes
nothing at all."""
EXERCISE = "adam_opt"

def adam_opt(**defaults):
    return partial(StatefulOptimizer, steppers=[l2_reg, adam_step],
                   stats=[AverageGrad(dampening=True), AverageSqrGrad(), StepCount()], **defaults)
