"""lsuv_module makes a Hook and never removes it: the model keeps a hook for good."""
EXERCISE = "lsuv_module"
TITLE = "LSUV's hook never removed from the layer"
EXPLANATION = ("A hook stays on its module until it is removed, and runs at every later forward pass of training. "
               "Register it in a with block, `with Hook(m, f):`, or remove it in a finally, so that the model keeps "
               "no hook (lesson 11: LSUV).")


def lsuv_module(model, m, xb, tol=1e-3):
    seen = {}

    def record(hook, module, inp, outp):
        seen["mean"], seen["std"] = outp.detach().mean().item(), outp.detach().std().item()

    Hook(m, record)
    with torch.no_grad():
        model(xb)
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
    return seen["mean"], seen["std"]
