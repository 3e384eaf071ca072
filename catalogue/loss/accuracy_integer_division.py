"""accuracy as an integer count divided with //: an int64 tensor, 0 unless every row is right."""
EXERCISE = "accuracy"
TITLE = "accuracy as an integer count divided with //"
EXPLANATION = ("Floor division of int64 tensors rounds down, so the accuracy is 0 unless every row is right. Turn the "
               "matches into floats and take their mean: (preds == target).float().mean() (lesson 9: accuracy).")


def accuracy(logits, target):
    return (logits.argmax(-1) == target).sum() // len(target)
