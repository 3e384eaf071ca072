"""lsuv_module fixes the weight first and the bias after: the rounds, and the final weight and bias, differ from
the contract's."""
EXERCISE = "lsuv_module"
TITLE = "LSUV fixes the weight first and the bias after"
EXPLANATION = ("LSUV, as the lesson writes it, first subtracts the mean from the bias while |mean| > tol, then "
               "divides the weight by the std while |std - 1| > tol. Swapping the two loops runs other rounds and "
               "leaves another weight, bias and statistics (lesson 11: LSUV).")


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
