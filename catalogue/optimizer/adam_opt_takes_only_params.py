"""adam_opt returns lambda params: ..., which refuses the lr the Learner passes (opt_func(params, lr=lr))."""
EXERCISE = "adam_opt"
TITLE = "adam_opt returns a function of params alone, refusing keywords"
EXPLANATION = ("The Learner calls opt_func(params, lr=lr), so adam_opt must return something that also takes keyword "
               "arguments, as partial(StatefulOptimizer, ..., **defaults) does, with what is given at the call "
               "winning over the defaults (lesson 11: Adam).")

def adam_opt(**defaults):
    return lambda params: StatefulOptimizer(params, [weight_decay, adam_step],
                                            stats=[AverageGrad(dampening=True), AverageSqrGrad(), StepCount()],
                                            **defaults)
