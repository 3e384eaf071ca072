"""logsumexp shifts with x -= m: augmented assignment on a tensor overwrites the caller's logits."""
EXERCISE = "logsumexp"
TITLE = "x -= m in logsumexp overwrites the caller's logits"
EXPLANATION = ("Augmented assignment on a tensor works in place: the result is right, but the caller's x is left "
               "shifted by its row maxima (and autograd refuses it on a leaf that requires grad). x - m makes a new "
               "tensor (lesson 9: the LogSumExp trick).")


def logsumexp(x):
    m = x.max(-1, keepdim=True).values
    m = torch.where(torch.isinf(m), torch.zeros_like(m), m)
    x -= m
    return m.squeeze(-1) + x.exp().sum(-1).log()
