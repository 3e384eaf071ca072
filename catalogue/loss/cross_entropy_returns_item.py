"""cross_entropy returns loss.item(), a Python float (to print it), instead of the 0-dim loss tensor."""
EXERCISE = "cross_entropy"


def cross_entropy(logits, target):
    return nll(log_softmax(logits), target).item()
