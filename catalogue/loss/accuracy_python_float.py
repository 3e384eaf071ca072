"""accuracy returns a Python float (.item() / N) instead of a 0-dim tensor."""
EXERCISE = "accuracy"


def accuracy(logits, target):
    return (logits.argmax(-1) == target).sum().item() / len(target)
