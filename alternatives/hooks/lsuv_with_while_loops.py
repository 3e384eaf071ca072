"""lsuv_module with while loops and round counters, a hook of torch's own, and a try/finally to remove it."""
EXERCISE = "lsuv_module"


def lsuv_module(model, m, xb, tol=1e-3):
    state = {}

    def watch(module, inp, outp):
        state["mean"] = float(outp.mean())
        state["std"] = float(outp.std())

    handle = m.register_forward_hook(watch)
    try:
        with torch.no_grad():
            model(xb)
            rounds = 0
            while abs(state["mean"]) > tol and rounds < 10:
                m.bias.sub_(state["mean"])
                model(xb)
                rounds += 1
            rounds = 0
            while abs(state["std"] - 1) > tol and rounds < 10:
                m.weight.div_(state["std"])
                model(xb)
                rounds += 1
    finally:
        handle.remove()
    return state["mean"], state["std"]
