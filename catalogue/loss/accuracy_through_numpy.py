"""accuracy computed in numpy, (preds.numpy() == target.numpy()).mean(): a numpy number, not a tensor."""
EXERCISE = "accuracy"
TITLE = "accuracy computed in numpy, returning a numpy number"
EXPLANATION = ("accuracy returns a 0-dim torch tensor; going through .numpy() gives numpy's float64 scalar instead. "
               "Stay in torch: (logits.argmax(-1) == target).float().mean() (lesson 9: accuracy).")


def accuracy(logits, target):
    return (logits.argmax(-1).numpy() == target.numpy()).mean()
