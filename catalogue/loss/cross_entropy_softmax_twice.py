"""cross_entropy takes the softmax first and then log_softmax of that: softmax applied twice."""
EXERCISE = "cross_entropy"
TITLE = "cross_entropy applies softmax before log_softmax: softmax twice"
EXPLANATION = ("log_softmax already normalises the logits. Applied to probabilities, which lie in [0, 1], it squeezes "
               "the result towards a uniform distribution, and the loss hardly depends on the logits. Use "
               "nll(log_softmax(logits), target) (lesson 9: cross entropy).")


def cross_entropy(logits, target):
    return nll(log_softmax(logits.softmax(-1)), target)
