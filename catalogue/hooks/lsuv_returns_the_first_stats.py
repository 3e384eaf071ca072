"""lsuv_module returns the mean and std of the first forward pass, measured before any fix."""
EXERCISE = "lsuv_module"
TITLE = "LSUV returns the statistics from before any fix"
EXPLANATION = ("The (mean, std) returned are those of the last forward pass, after the fixes, so that the caller "
               "sees how near 0 and 1 the layer came. The first pass's statistics only say where it started (lesson "
               "11: LSUV).")


def lsuv_module(model, m, xb, tol=1e-3):
    seen = {}

    def record(hook, module, inp, outp):
        seen["mean"], seen["std"] = outp.detach().mean().item(), outp.detach().std().item()

    with Hook(m, record), torch.no_grad():
        model(xb)
        first = seen["mean"], seen["std"]
        for _ in range(10):
            if abs(seen["mean"]) <= tol:
                break
            m.bias -= seen["mean"]
            model(xb)
        for _ in range(10):
            if abs(seen["std"] - 1) <= tol:
                break
            m.weight /= seen["std"]
            model(xb)
    return first
