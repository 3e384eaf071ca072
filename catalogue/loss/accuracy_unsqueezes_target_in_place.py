"""accuracy compares argmax(keepdim=True) with target.unsqueeze_(-1): the caller's target becomes (N, 1)."""
EXERCISE = "accuracy"


def accuracy(logits, target):
    return (logits.argmax(-1, keepdim=True) == target.unsqueeze_(-1)).float().mean()
