"""nll forgets the minus sign: the mean log likelihood, which training would maximise the wrong way."""
EXERCISE = "nll"


def nll(log_probs, target):
    return log_probs[torch.arange(len(target)), target].mean()
