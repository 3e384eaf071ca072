"""append_stats records in eval mode too: validation batches end up in the training statistics."""
EXERCISE = "append_stats"
TITLE = "append_stats records in eval mode too"
EXPLANATION = ("The statistics describe training: check mod.training (which model.train() and model.eval() set) and "
               "record nothing when it is False. Recording in eval mode mixes validation batches into the training "
               "curves (lesson 10: activation statistics).")


def append_stats(hook, mod, inp, outp):
    if not hasattr(hook, "stats"):
        hook.stats = ([], [])
    means, stds = hook.stats
    means.append(outp.detach().mean())
    stds.append(outp.detach().std())
