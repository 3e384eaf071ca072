"""grad_cam sums the gradient over positions instead of averaging it: the map is h * w times too large."""
EXERCISE = "grad_cam"
TITLE = "grad_cam sums the gradient over positions instead of averaging it"
EXPLANATION = ("Each channel's weight is the mean of its gradient over the h x w positions. A sum makes every "
               "weight, and so the map, h * w times too large (fastbook chapter 18: Grad-CAM).")


def grad_cam(model, layer, x, cls):
    kept = {}

    def keep(hook, module, inp, outp):
        kept["A"] = outp

    with Hook(layer, keep), torch.enable_grad():
        score = model(x)[0, cls]
    (gradient,) = torch.autograd.grad(score, kept["A"])
    weights = gradient[0].sum((1, 2))
    return (weights[:, None, None] * kept["A"][0].detach()).sum(0)
