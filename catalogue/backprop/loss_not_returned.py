"""forward_and_backward does the passes, as in the lesson's notebook, but returns nothing."""
EXERCISE = "forward_and_backward"
TITLE = "forward_and_backward returns nothing instead of the loss"
EXPLANATION = ("The passes set the gradients, but the caller also needs the loss they are the gradients of, to follow "
               "training: keep loss = mse(out, targ) and return it, a 0-dim tensor (lesson 8: the forward and backward "
               "passes).")


def forward_and_backward(inp, targ, w1, b1, w2, b2):
    l1 = lin(inp, w1, b1)
    l2 = relu(l1)
    out = lin(l2, w2, b2)
    mse(out, targ)
    mse_grad(out, targ)
    lin_grad(l2, out, w2, b2)
    relu_grad(l1, l2)
    lin_grad(inp, l1, w1, b1)
