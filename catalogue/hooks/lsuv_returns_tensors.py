"""lsuv_module returns the mean and std as 0-d tensors instead of floats."""
EXERCISE = "lsuv_module"
TITLE = "LSUV returns the mean and std as 0-d tensors instead of floats"
EXPLANATION = ("lsuv_module returns (mean, std) as Python floats, plain numbers to print, compare or store: .item() "
               "turns a 0-d tensor into one (lesson 11: LSUV).")


def lsuv_module(model, m, xb, tol=1e-3):
    seen = {}

    def record(hook, module, inp, outp):
        seen["mean"], seen["std"] = outp.detach().mean(), outp.detach().std()

    with Hook(m, record), torch.no_grad():
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
