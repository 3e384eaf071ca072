"""append_stats sets hook.stats = ([], []) on every call, so only the last batch's statistics survive."""
EXERCISE = "append_stats"


def append_stats(hook, mod, inp, outp):
    if not mod.training:
        return
    hook.stats = ([], [])
    means, stds = hook.stats
    means.append(outp.detach().mean())
    stds.append(outp.detach().std())
