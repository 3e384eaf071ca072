"""append_stats records the biased standard deviation (unbiased=False) instead of torch's default."""
EXERCISE = "append_stats"


def append_stats(hook, mod, inp, outp):
    if not mod.training:
        return
    if not hasattr(hook, "stats"):
        hook.stats = ([], [])
    means, stds = hook.stats
    means.append(outp.detach().mean())
    stds.append(outp.detach().std(unbiased=False))
