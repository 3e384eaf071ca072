"""lsuv_module uses the biased standard deviation (unbiased=False) instead of torch's default."""
EXERCISE = "lsuv_module"
TITLE = "LSUV measures the biased std (unbiased=False)"
EXPLANATION = ("The std LSUV measures and returns is torch's default, the unbiased one (dividing by n - 1). The "
               "biased one divides by n and is slightly smaller, so the weight is scaled towards another target and "
               "the std returned differs (lesson 11: LSUV).")


def lsuv_module(model, m, xb, tol=1e-3):
    seen = {}

    def record(hook, module, inp, outp):
        seen["mean"], seen["std"] = outp.detach().mean().item(), outp.detach().std(unbiased=False).item()

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
