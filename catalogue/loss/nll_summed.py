"""nll sums over the batch instead of averaging."""
EXERCISE = "nll"


def nll(log_probs, target):
    return -log_probs[torch.arange(len(target)), target].sum()
