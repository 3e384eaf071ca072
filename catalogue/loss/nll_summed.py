"""nll sums over the batch instead of averaging."""
EXERCISE = "nll"
TITLE = "nll sums over the batch instead of taking the mean"
EXPLANATION = ("The loss of a batch is the mean over its rows, as in F.nll_loss. A sum grows with the batch size, so "
               "the scale of the gradients, and the learning rate that suits them, would depend on bs (lesson 9: "
               "negative log likelihood).")


def nll(log_probs, target):
    return -log_probs[torch.arange(len(target)), target].sum()
