"""cross_entropy applies nll to the softmax itself, forgetting the log."""
EXERCISE = "cross_entropy"
TITLE = "cross_entropy applies nll to probabilities, forgetting the log"
EXPLANATION = ("nll negates the picked entry, so it needs log-probabilities: -log p is large when the target's "
               "probability is small. -p only ranges over [-1, 0] and hardly punishes a confident mistake. Use "
               "nll(log_softmax(logits), target) (lesson 9: cross entropy).")


def cross_entropy(logits, target):
    return nll(log_softmax(logits).exp(), target)
