"""forward_and_backward written out, adding each parameter's gradient to the one already in .g, like torch's .grad."""
EXERCISE = "forward_and_backward"
TITLE = "each .g added to the one left by an earlier call, like torch's .grad"
EXPLANATION = ("Each backward pass of the lesson sets .g to this pass's gradient (w.g = ...); adding to the old .g "
               "sums the gradients of every call, so from the second training step on they are wrong. torch's .grad "
               "accumulates and needs zero_grad(); the lesson's .g does not (lesson 8: the backward pass).")


def forward_and_backward(inp, targ, w1, b1, w2, b2):
    l1 = inp @ w1 + b1
    l2 = l1.clamp_min(0.0)
    out = l2 @ w2 + b2
    diff = out[:, 0] - targ
    loss = diff.pow(2).mean()
    out_g = 2 * diff[:, None] / inp.shape[0]
    l1_g = (out_g @ w2.t()) * (l1 > 0)
    for t, g in ((w2, l2.t() @ out_g), (b2, out_g.sum(0)), (w1, inp.t() @ l1_g), (b1, l1_g.sum(0)),
                 (inp, l1_g @ w1.t())):
        t.g = getattr(t, "g", 0) + g
    return loss
