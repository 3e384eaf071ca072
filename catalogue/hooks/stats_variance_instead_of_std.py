"""append_stats records the variance (outp.var()) where the standard deviation belongs."""
EXERCISE = "append_stats"
TITLE = "append_stats records the variance where the std belongs"
EXPLANATION = ("The second list holds the standard deviation, outp.std(), the spread in the activations' own units "
               "that the lesson watches for values near 1. var() is its square, which gives other values everywhere "
               "but at 0 and 1 (lesson 10: activation statistics).")


def append_stats(hook, mod, inp, outp):
    if not mod.training:
        return
    if not hasattr(hook, "stats"):
        hook.stats = ([], [])
    means, stds = hook.stats
    means.append(outp.detach().mean())
    stds.append(outp.detach().var())
