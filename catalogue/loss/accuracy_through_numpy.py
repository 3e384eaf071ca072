"""accuracy computed in numpy, (preds.numpy() == target.numpy()).mean(): a numpy number, not a tensor."""
EXERCISE = "accuracy"


def accuracy(logits, target):
    return (logits.argmax(-1).numpy() == target.numpy()).mean()
