"""lsuv_module divides the weight by the variance of the output instead of its standard deviation."""
EXERCISE = "lsuv_module"
TITLE = "LSUV divides the weight by the output's variance, not its std"
EXPLANATION = ("Dividing a layer's weight by s shrinks the spread of its output by about s, so dividing by the std s "
               "brings it to 1. Dividing by the variance s^2 over-corrects, leaving a std near 1 / s instead "
               "(lesson 11: LSUV).")


def lsuv_module(model, m, xb, tol=1e-3):
    seen = {}

    def record(hook, module, inp, outp):
        seen["mean"], seen["var"] = outp.detach().mean().item(), outp.detach().var().item()

    with Hook(m, record), torch.no_grad():
        model(xb)
        for _ in range(10):
            if abs(seen["mean"]) <= tol:
                break
            m.bias -= seen["mean"]
            model(xb)
        for _ in range(10):
            if abs(seen["var"] - 1) <= tol:
                break
            m.weight /= seen["var"]
            model(xb)
    return seen["mean"], seen["var"] ** 0.5
