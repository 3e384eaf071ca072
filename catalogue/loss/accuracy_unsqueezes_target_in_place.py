"""accuracy compares argmax(keepdim=True) with target.unsqueeze_(-1): the caller's target becomes (N, 1)."""
EXERCISE = "accuracy"
TITLE = "target.unsqueeze_(-1) in accuracy reshapes the caller's targets"
EXPLANATION = ("unsqueeze_ changes target itself: the accuracy is right, but the caller's target becomes (N, 1), and "
               "the next loss or metric that reads it gets the wrong shape. Compare logits.argmax(-1) with target as "
               "it is (lesson 9: accuracy).")


def accuracy(logits, target):
    return (logits.argmax(-1, keepdim=True) == target.unsqueeze_(-1)).float().mean()
