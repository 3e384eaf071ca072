"""accuracy as an integer count divided with //: an int64 tensor, 0 unless every row is right."""
EXERCISE = "accuracy"


def accuracy(logits, target):
    return (logits.argmax(-1) == target).sum() // len(target)
