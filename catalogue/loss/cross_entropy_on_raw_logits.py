"""cross_entropy feeds the raw logits to nll, skipping log_softmax."""
EXERCISE = "cross_entropy"


def cross_entropy(logits, target):
    return nll(logits, target)
