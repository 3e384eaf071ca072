"""cross_entropy returns loss.item(), a Python float (to print it), instead of the 0-dim loss tensor."""
EXERCISE = "cross_entropy"
TITLE = "cross_entropy returns loss.item(), a Python float"
EXPLANATION = ("The loss stays a 0-dim tensor: it is what backward() starts from. .item() gives a Python number, fine "
               "for printing but with no graph behind it, so nothing can be trained from it (lesson 9: cross entropy).")


def cross_entropy(logits, target):
    return nll(log_softmax(logits), target).item()
