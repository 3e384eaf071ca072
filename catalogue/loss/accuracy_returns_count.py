"""accuracy returns the number of correct rows instead of their fraction."""
EXERCISE = "accuracy"
TITLE = "accuracy returns the number of correct rows, not their fraction"
EXPLANATION = ("Accuracy is a fraction in [0, 1], the number right divided by N: (preds == target).float().mean(). A "
               "count grows with the batch size, so batches of different sizes cannot be compared (lesson 9: "
               "accuracy).")


def accuracy(logits, target):
    return (logits.argmax(-1) == target).float().sum()
