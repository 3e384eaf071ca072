"""append_stats records the variance (outp.var()) where the standard deviation belongs."""
EXERCISE = "append_stats"


def append_stats(hook, mod, inp, outp):
    if not mod.training:
        return
    if not hasattr(hook, "stats"):
        hook.stats = ([], [])
    means, stds = hook.stats
    means.append(outp.detach().mean())
    stds.append(outp.detach().var())
