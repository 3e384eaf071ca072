"""relu_grad adds to inp.g when it is already there, instead of setting it: right once, wrong from the second call."""
EXERCISE = "relu_grad"
TITLE = "relu_grad adds to an existing inp.g instead of setting it"
EXPLANATION = ("Each call sets inp.g to this call's gradient, (inp > 0) * out.g; adding to a .g left by an earlier "
               "call is right once and wrong from the second call on. torch's .grad accumulates, the lesson's .g does "
               "not (lesson 8: the backward pass).")


def relu_grad(inp, out):
    g = (inp > 0).to(out.g.dtype) * out.g
    inp.g = inp.g + g if hasattr(inp, "g") else g
