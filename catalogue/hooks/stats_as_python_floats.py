"""append_stats records Python floats (.item()) instead of 0-d tensors."""
EXERCISE = "append_stats"


def append_stats(hook, mod, inp, outp):
    if not mod.training:
        return
    if not hasattr(hook, "stats"):
        hook.stats = ([], [])
    means, stds = hook.stats
    means.append(outp.detach().mean().item())
    stds.append(outp.detach().std().item())
