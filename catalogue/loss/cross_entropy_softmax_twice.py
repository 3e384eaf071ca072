"""cross_entropy takes the softmax first and then log_softmax of that: softmax applied twice."""
EXERCISE = "cross_entropy"


def cross_entropy(logits, target):
    return nll(log_softmax(logits.softmax(-1)), target)
