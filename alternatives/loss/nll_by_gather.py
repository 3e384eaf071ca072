"""nll with gather instead of fancy indexing."""
EXERCISE = "nll"


def nll(log_probs, target):
    return -log_probs.gather(1, target[:, None]).squeeze(1).mean()
