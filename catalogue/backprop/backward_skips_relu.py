"""forward_and_backward forgets relu_grad: the first layer gets the gradient of relu's output."""
EXERCISE = "forward_and_backward"
TITLE = "backward pass without relu_grad, leaving out the relu's derivative"
EXPLANATION = ("The chain rule takes every forward step in reverse: between the two lin_grad calls comes relu_grad(l1, "
               "l2), which zeroes the gradient where l1 <= 0. Without it the first layer treats l2's gradient as l1's, "
               "wrong wherever the relu was off (lesson 8: the backward pass).")


def forward_and_backward(inp, targ, w1, b1, w2, b2):
    l1 = lin(inp, w1, b1)
    l2 = relu(l1)
    out = lin(l2, w2, b2)
    loss = mse(out, targ)
    mse_grad(out, targ)
    lin_grad(l2, out, w2, b2)
    lin_grad(inp, l2, w1, b1)
    return loss
