"""lin_grad makes zero .g buffers on the first call and adds into them with +=: gradients pile up across calls."""
EXERCISE = "lin_grad"
TITLE = "lin_grad adds into .g with += instead of setting it"
EXPLANATION = ("Each call sets .g to this call's gradient (inp.g = out.g @ w.T, and so on); += adds to what an earlier "
               "call left, so from the second call on the gradients pile up. torch's .grad accumulates, the lesson's "
               ".g does not (lesson 8: the backward pass).")


def lin_grad(inp, out, w, b):
    for t in (inp, w, b):
        if not hasattr(t, "g"):
            t.g = torch.zeros_like(t)
    inp.g += out.g @ w.t()
    w.g += inp.t() @ out.g
    b.g += out.g.sum(0)
