"""lin_grad zeroes out.g once it has used it, as zero_grad() would: the caller's upstream gradient is lost."""
EXERCISE = "lin_grad"
TITLE = "lin_grad zeroes out.g after using it"
EXPLANATION = ("out.g belongs to the caller, who may read it again; zero_() destroys it in place. Nothing needs "
               "resetting in the lesson's backward pass: each *_grad call sets .g anew, so lin_grad only reads out.g "
               "(lesson 8: the backward pass).")


def lin_grad(inp, out, w, b):
    inp.g = out.g @ w.t()
    w.g = inp.t() @ out.g
    b.g = out.g.sum(0)
    out.g.zero_()
