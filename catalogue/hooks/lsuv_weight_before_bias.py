"""lsuv_module fixes the weight first and the bias after, so the last rounds undo the std (and the order differs)."""
EXERCISE = "lsuv_module"


def lsuv_module(model, m, xb, tol=1e-3):
    seen = {}

    def record(hook, module, inp, outp):
        seen["mean"], seen["std"] = outp.detach().mean().item(), outp.detach().std().item()

    with Hook(m, record), torch.no_grad():
        model(xb)
        for _ in range(10):
            if abs(seen["std"] - 1) <= tol:
                break
            m.weight /= seen["std"]
            model(xb)
        for _ in range(10):
            if abs(seen["mean"]) <= tol:
                break
            m.bias -= seen["mean"]
            model(xb)
    return seen["mean"], seen["std"]
