"""nll sums log_probs[i, target[i]].item() in a Python loop: a Python float, with no gradient."""
EXERCISE = "nll"


def nll(log_probs, target):
    return -sum(log_probs[i, t].item() for i, t in enumerate(target.tolist())) / len(target)
