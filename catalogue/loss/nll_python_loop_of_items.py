"""nll sums log_probs[i, target[i]].item() in a Python loop: a Python float, with no gradient."""
EXERCISE = "nll"
TITLE = "nll sums .item() values in a Python loop"
EXPLANATION = (".item() turns each entry into a Python number with no graph behind it, so the loss is a float nothing "
               "can be trained from (and the loop is slow). Index all rows at once and stay in torch: "
               "-log_probs[torch.arange(N), target].mean() (lesson 9: negative log likelihood).")


def nll(log_probs, target):
    return -sum(log_probs[i, t].item() for i, t in enumerate(target.tolist())) / len(target)
