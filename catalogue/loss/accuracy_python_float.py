"""accuracy returns a Python float (.item() / N) instead of a 0-dim tensor."""
EXERCISE = "accuracy"
TITLE = "accuracy returns a Python float (.item() / N) instead of a tensor"
EXPLANATION = ("accuracy returns a 0-dim floating-point tensor, like the loss; .item() makes it a Python number. "
               "(logits.argmax(-1) == target).float().mean() stays a tensor (lesson 9: accuracy).")


def accuracy(logits, target):
    return (logits.argmax(-1) == target).sum().item() / len(target)
