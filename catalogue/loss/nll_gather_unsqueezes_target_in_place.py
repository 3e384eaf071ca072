"""nll gathers with target.unsqueeze_(1): the right loss, but the caller's target becomes (N, 1)."""
EXERCISE = "nll"
TITLE = "target.unsqueeze_(1) in nll reshapes the caller's targets"
EXPLANATION = ("unsqueeze_ changes target itself: the loss is right, but the caller's target becomes (N, 1), and its "
               "next use (accuracy, the next loss) gets the wrong shape. Use target.unsqueeze(1), without the "
               "underscore, or log_probs[torch.arange(N), target] (lesson 9: negative log likelihood).")


def nll(log_probs, target):
    return -log_probs.gather(1, target.unsqueeze_(1)).mean()
