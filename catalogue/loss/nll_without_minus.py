"""nll forgets the minus sign: the mean log likelihood, which training would maximise the wrong way."""
EXERCISE = "nll"
TITLE = "nll without the minus sign"
EXPLANATION = ("The loss is minus the mean log-probability of the targets, so that minimising it makes the right "
               "classes likely. Without the minus, minimising pushes their probabilities down (lesson 9: negative log "
               "likelihood).")


def nll(log_probs, target):
    return log_probs[torch.arange(len(target)), target].mean()
