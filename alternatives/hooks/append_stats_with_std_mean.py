"""append_stats with torch.std_mean (one pass for both) and the stats created with getattr."""
EXERCISE = "append_stats"


def append_stats(hook, mod, inp, outp):
    if mod.training:
        stats = getattr(hook, "stats", None)
        if stats is None:
            stats = hook.stats = ([], [])
        std, mean = torch.std_mean(outp.detach())
        stats[0].append(mean)
        stats[1].append(std)
