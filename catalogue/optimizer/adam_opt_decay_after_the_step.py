"""adam_opt runs weight_decay after adam_step: torch's AdamW decays the weights before the Adam step."""
EXERCISE = "adam_opt"
TITLE = "adam_opt runs weight_decay after adam_step instead of before"
EXPLANATION = ("AdamW (torch.optim.AdamW) decays the weights first, p *= 1 - lr * wd, then takes the Adam step: "
               "steppers=[weight_decay, adam_step]. In the other order the decay also shrinks the step just taken, "
               "and the trajectory drifts from AdamW's (lesson 11: AdamW, decoupled weight decay).")

def adam_opt(**defaults):
    return partial(StatefulOptimizer, steppers=[adam_step, weight_decay],
                   stats=[AverageGrad(dampening=True), AverageSqrGrad(), StepCount()], **defaults)
