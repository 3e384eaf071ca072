"""lsuv_module fixes first and tests after (a do-while): a layer already within tol gets a round anyway."""
EXERCISE = "lsuv_module"
TITLE = "LSUV fixes first and tests after, so a standardised layer still changes"
EXPLANATION = ("Each round is tested before it runs: while |mean| > tol, fix the bias; while |std - 1| > tol, fix "
               "the weight. Fixing first always runs at least one round of each, so a layer already within tol is "
               "changed anyway (lesson 11: LSUV).")


def lsuv_module(model, m, xb, tol=1e-3):
    seen = {}

    def record(hook, module, inp, outp):
        seen["mean"], seen["std"] = outp.detach().mean().item(), outp.detach().std().item()

    with Hook(m, record), torch.no_grad():
        model(xb)
        for _ in range(10):
            m.bias -= seen["mean"]
            model(xb)
            if abs(seen["mean"]) <= tol:
                break
        for _ in range(10):
            m.weight /= seen["std"]
            model(xb)
            if abs(seen["std"] - 1) <= tol:
                break
    return seen["mean"], seen["std"]
