"""adam_opt uses l2_reg where AdamW's decoupled weight_decay belongs: as a stepper, after the statistics, it changes
nothing at all."""
EXERCISE = "adam_opt"
TITLE = "adam_opt uses l2_reg where AdamW's weight_decay belongs"
EXPLANATION = ("AdamW decays the weights themselves, p *= 1 - lr * wd (weight_decay). l2_reg adds wd * p to p.grad, "
               "but as a stepper it runs after the statistics have read the gradient, and adam_step reads only "
               "grad_avg and sqr_avg, so wd has no effect at all (lesson 11: AdamW, decoupled weight decay).")

def adam_opt(**defaults):
    return partial(StatefulOptimizer, steppers=[l2_reg, adam_step],
                   stats=[AverageGrad(dampening=True), AverageSqrGrad(), StepCount()], **defaults)
