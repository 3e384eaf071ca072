"""append_stats takes the mean and std of the output itself, not outp.detach(): each keeps the graph alive."""
EXERCISE = "append_stats"
TITLE = "append_stats takes the statistics of outp, not outp.detach()"
EXPLANATION = ("A mean of the output itself belongs to the autograd graph: each one kept in hook.stats keeps the "
               "whole forward pass it came from alive, batch after batch. Take the statistics of outp.detach() "
               "(lesson 10: activation statistics).")


def append_stats(hook, mod, inp, outp):
    if not mod.training:
        return
    if not hasattr(hook, "stats"):
        hook.stats = ([], [])
    means, stds = hook.stats
    means.append(outp.mean())
    stds.append(outp.std())
