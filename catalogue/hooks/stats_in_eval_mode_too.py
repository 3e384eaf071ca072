"""append_stats records in eval mode too: validation batches end up in the training statistics."""
EXERCISE = "append_stats"


def append_stats(hook, mod, inp, outp):
    if not hasattr(hook, "stats"):
        hook.stats = ([], [])
    means, stds = hook.stats
    means.append(outp.detach().mean())
    stds.append(outp.detach().std())
