"""accuracy comparing argmax(keepdim=True) with target.unsqueeze(-1) (a new view: target is left alone)."""
EXERCISE = "accuracy"


def accuracy(logits, target):
    return (logits.argmax(-1, keepdim=True) == target.unsqueeze(-1)).to(logits.dtype).mean()
