"""accuracy takes the argmax over axis 0 (the batch) instead of the last axis (the classes)."""
EXERCISE = "accuracy"
TITLE = "accuracy takes the argmax over the batch axis (0), not the classes"
EXPLANATION = ("logits are (N, C): the prediction of row i is the class with the largest score in that row, "
               "logits.argmax(-1). argmax(0) finds, for each class, the row that scores it highest, which predicts "
               "nothing (lesson 9: accuracy).")


def accuracy(logits, target):
    return (logits.argmax(0) == target).float().mean()
