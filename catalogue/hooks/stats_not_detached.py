"""append_stats takes the mean and std of the output itself, not outp.detach(): each keeps the graph alive."""
EXERCISE = "append_stats"


def append_stats(hook, mod, inp, outp):
    if not mod.training:
        return
    if not hasattr(hook, "stats"):
        hook.stats = ([], [])
    means, stds = hook.stats
    means.append(outp.mean())
    stds.append(outp.std())
