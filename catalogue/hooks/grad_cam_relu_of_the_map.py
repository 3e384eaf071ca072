"""grad_cam returns relu of the map (as the Grad-CAM paper shows it), not the map the contract defines."""
EXERCISE = "grad_cam"
TITLE = "relu applied to the Grad-CAM map"
EXPLANATION = ("The Grad-CAM paper shows the relu of the map, but the map here, as fastbook computes it, is the "
               "weighted sum itself, negative parts included: (w[:, None, None] * A[0]).sum(0). Apply a relu only "
               "when displaying it (fastbook chapter 18: Grad-CAM).")


def grad_cam(model, layer, x, cls):
    kept = {}

    def keep(hook, module, inp, outp):
        kept["A"] = outp

    with Hook(layer, keep), torch.enable_grad():
        score = model(x)[0, cls]
    (gradient,) = torch.autograd.grad(score, kept["A"])
    weights = gradient[0].mean((1, 2))
    return (weights[:, None, None] * kept["A"][0].detach()).sum(0).relu()
