"""lsuv_module fixes bias and weight together in one loop (the lesson's first lsuv_init), capped at 10 rounds."""
EXERCISE = "lsuv_module"
TITLE = "LSUV fixes the bias and the weight together in one loop"
EXPLANATION = ("LSUV fixes the mean first, subtracting it from the bias while |mean| > tol, then the std, dividing "
               "the weight while |std - 1| > tol, each loop with its own 10 rounds. One loop that does both in each "
               "round runs other rounds and leaves another weight and bias (lesson 11: LSUV).")


def lsuv_module(model, m, xb, tol=1e-3):
    seen = {}

    def record(hook, module, inp, outp):
        seen["mean"], seen["std"] = outp.detach().mean().item(), outp.detach().std().item()

    with Hook(m, record), torch.no_grad():
        model(xb)
        for _ in range(10):
            if abs(seen["mean"]) <= tol and abs(seen["std"] - 1) <= tol:
                break
            m.bias -= seen["mean"]
            m.weight /= seen["std"]
            model(xb)
    return seen["mean"], seen["std"]
