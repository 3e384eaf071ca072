"""append_stats sets hook.stats = ([], []) on every call, so only the last batch's statistics survive."""
EXERCISE = "append_stats"
TITLE = "hook.stats reset to ([], []) on every call"
EXPLANATION = ("The statistics are a history, one entry per training batch, so the lists are created on the first "
               "call only (if not hasattr(hook, 'stats')). Recreating them each time keeps only the last batch "
               "(lesson 10: activation statistics).")


def append_stats(hook, mod, inp, outp):
    if not mod.training:
        return
    hook.stats = ([], [])
    means, stds = hook.stats
    means.append(outp.detach().mean())
    stds.append(outp.detach().std())
