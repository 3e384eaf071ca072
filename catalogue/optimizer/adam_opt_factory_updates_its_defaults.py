"""adam_opt's factory updates its own defaults with each call's keywords, so one optimizer's lr and wd leak into the
next."""
EXERCISE = "adam_opt"
TITLE = "adam_opt's factory writes each call's keywords into its defaults"
EXPLANATION = ("The function adam_opt returns may be called again for another optimizer, so its defaults must stay as "
               "given: defaults.update(more) makes one call's lr and wd the defaults of the next. "
               "partial(StatefulOptimizer, ..., **defaults) merges the call's keywords without changing them (lesson "
               "11: Adam).")

def adam_opt(**defaults):
    def make(params, **more):
        defaults.update(more)
        return StatefulOptimizer(params, [weight_decay, adam_step],
                                 stats=[AverageGrad(dampening=True), AverageSqrGrad(), StepCount()], **defaults)
    return make
