"""nll indexes log_probs[:, target], an (N, N) block, and averages all of it."""
EXERCISE = "nll"
TITLE = "nll indexes log_probs[:, target], an (N, N) block"
EXPLANATION = ("[:, target] takes the target columns of the whole batch from every row, and averages all N * N "
               "entries. Pair row i with its own target: log_probs[torch.arange(N), target], one entry per row (lesson "
               "9: negative log likelihood).")


def nll(log_probs, target):
    return -log_probs[:, target].mean()
