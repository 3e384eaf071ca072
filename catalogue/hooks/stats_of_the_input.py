"""append_stats records the statistics of the module's input (inp[0]) instead of its output."""
EXERCISE = "append_stats"


def append_stats(hook, mod, inp, outp):
    if not mod.training:
        return
    if not hasattr(hook, "stats"):
        hook.stats = ([], [])
    means, stds = hook.stats
    means.append(inp[0].detach().mean())
    stds.append(inp[0].detach().std())
