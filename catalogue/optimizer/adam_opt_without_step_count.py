"""adam_opt forgets StepCount, so adam_step gets no step to debias with."""
EXERCISE = "adam_opt"
TITLE = "adam_opt leaves StepCount out of the statistics"
EXPLANATION = ("adam_step debiases with the state's step, which only StepCount keeps: without it adam_step gets no "
               "step argument and fails. Adam needs stats=[AverageGrad(dampening=True), AverageSqrGrad(), "
               "StepCount()] (lesson 11: Adam).")

def adam_opt(**defaults):
    return partial(StatefulOptimizer, steppers=[weight_decay, adam_step],
                   stats=[AverageGrad(dampening=True), AverageSqrGrad()], **defaults)
