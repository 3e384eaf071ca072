"""accuracy returns the number of correct rows instead of their fraction."""
EXERCISE = "accuracy"


def accuracy(logits, target):
    return (logits.argmax(-1) == target).float().sum()
