"""nll indexes log_probs[target], which picks whole rows by class number, and averages them."""
EXERCISE = "nll"
TITLE = "nll indexes log_probs[target], picking rows by class number"
EXPLANATION = ("log_probs[target] selects whole rows, row target[i] for each i, and averages all of them. Each row "
               "needs only its own target's entry: log_probs[torch.arange(N), target] (lesson 9: negative log "
               "likelihood).")


def nll(log_probs, target):
    return -log_probs[target].mean()
