"""append_stats records the biased standard deviation (unbiased=False) instead of torch's default."""
EXERCISE = "append_stats"
TITLE = "append_stats records the biased std (unbiased=False)"
EXPLANATION = ("The std recorded is torch's default, the unbiased one (dividing by n - 1). unbiased=False divides by "
               "n and records slightly smaller values, most visibly for outputs with few elements (lesson 10: "
               "activation statistics).")


def append_stats(hook, mod, inp, outp):
    if not mod.training:
        return
    if not hasattr(hook, "stats"):
        hook.stats = ([], [])
    means, stds = hook.stats
    means.append(outp.detach().mean())
    stds.append(outp.detach().std(unbiased=False))
