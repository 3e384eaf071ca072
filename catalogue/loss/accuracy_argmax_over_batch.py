"""accuracy takes the argmax over axis 0 (the batch) instead of the last axis (the classes)."""
EXERCISE = "accuracy"


def accuracy(logits, target):
    return (logits.argmax(0) == target).float().mean()
