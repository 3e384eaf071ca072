"""adam_opt leaves weight_decay out: Adam, whatever wd is given."""
EXERCISE = "adam_opt"
TITLE = "adam_opt leaves out weight_decay: Adam, not AdamW"
EXPLANATION = ("adam_opt is AdamW: steppers=[weight_decay, adam_step], the decay p *= 1 - lr * wd before each Adam "
               "step. Without weight_decay (adam_step ignores wd) any wd given changes nothing (lesson 11: AdamW, "
               "decoupled weight decay).")

def adam_opt(**defaults):
    return partial(StatefulOptimizer, steppers=[adam_step],
                   stats=[AverageGrad(dampening=True), AverageSqrGrad(), StepCount()], **defaults)
