"""adam_opt builds the partial without **defaults: the betas, eps and wd given to it are lost."""
EXERCISE = "adam_opt"
TITLE = "adam_opt leaves its **defaults out of the partial"
EXPLANATION = ("adam_opt(**defaults) must hand its keywords on: partial(StatefulOptimizer, steppers=..., stats=..., "
               "**defaults). Without them the lr, mom, sqr_mom, eps and wd given to adam_opt are lost and the pieces' "
               "own defaults are used (lesson 11: Adam).")

def adam_opt(**defaults):
    return partial(StatefulOptimizer, steppers=[weight_decay, adam_step],
                   stats=[AverageGrad(dampening=True), AverageSqrGrad(), StepCount()])
