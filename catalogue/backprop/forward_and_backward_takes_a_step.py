"""forward_and_backward also updates the parameters (w -= lr * w.g), as a training step would: its inputs change."""
EXERCISE = "forward_and_backward"
TITLE = "forward_and_backward also updates the parameters (w -= lr * w.g)"
EXPLANATION = ("forward_and_backward computes the loss and the gradients only; the update belongs to the training loop "
               "(later, to the optimizer). Subtracting in place changes the caller's w1, b1, w2 and b2, which no "
               "longer match the gradients computed from them (lesson 8: the backward pass).")


def forward_and_backward(inp, targ, w1, b1, w2, b2):
    l1 = lin(inp, w1, b1)
    l2 = relu(l1)
    out = lin(l2, w2, b2)
    loss = mse(out, targ)
    mse_grad(out, targ)
    lin_grad(l2, out, w2, b2)
    relu_grad(l1, l2)
    lin_grad(inp, l1, w1, b1)
    for p in (w1, b1, w2, b2):
        p -= 0.01 * p.g
    return loss
