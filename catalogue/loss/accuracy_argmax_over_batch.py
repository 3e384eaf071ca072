"""accuracy takes the argmax over axis 0 (the batch) instead of the classes (shape patched to fit)."""
EXERCISE = "accuracy"


def accuracy(logits, target):
    preds = logits.argmax(0)
    if len(preds) >= len(target):
        preds = preds[: len(target)]
    else:
        preds = torch.cat([preds, preds.new_zeros(len(target) - len(preds))])
    return (preds == target).float().mean()
