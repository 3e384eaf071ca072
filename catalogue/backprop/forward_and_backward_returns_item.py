"""forward_and_backward returns loss.item(), a Python float, instead of the 0-dim loss tensor."""
EXERCISE = "forward_and_backward"
TITLE = "loss returned as a Python float (loss.item())"
EXPLANATION = ("forward_and_backward returns the loss itself, a 0-dim tensor like mse's result; .item() turns it into "
               "a Python number, fine for printing but no longer a tensor in the inputs' dtype (lesson 8: the forward "
               "and backward passes).")


def forward_and_backward(inp, targ, w1, b1, w2, b2):
    l1 = lin(inp, w1, b1)
    l2 = relu(l1)
    out = lin(l2, w2, b2)
    loss = mse(out, targ)
    mse_grad(out, targ)
    lin_grad(l2, out, w2, b2)
    relu_grad(l1, l2)
    lin_grad(inp, l1, w1, b1)
    return loss.item()
