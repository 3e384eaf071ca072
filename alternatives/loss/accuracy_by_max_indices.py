"""accuracy via max(...).indices and a float mean in float64."""
EXERCISE = "accuracy"


def accuracy(logits, target):
    return (logits.max(dim=1).indices == target).double().mean()
