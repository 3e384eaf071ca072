"""append_stats records Python floats (.item()) instead of 0-d tensors."""
EXERCISE = "append_stats"
TITLE = "append_stats records Python floats (.item()) instead of 0-d tensors"
EXPLANATION = ("hook.stats holds 0-d tensors, outp.detach().mean() and outp.detach().std(), as the lesson keeps "
               "them. .item() turns each into a Python float instead, and on a GPU waits for the device at every "
               "batch (lesson 10: activation statistics).")


def append_stats(hook, mod, inp, outp):
    if not mod.training:
        return
    if not hasattr(hook, "stats"):
        hook.stats = ([], [])
    means, stds = hook.stats
    means.append(outp.detach().mean().item())
    stds.append(outp.detach().std().item())
