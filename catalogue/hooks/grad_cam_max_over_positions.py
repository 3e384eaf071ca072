"""grad_cam weights each channel by the largest gradient over positions instead of their mean."""
EXERCISE = "grad_cam"
TITLE = "grad_cam weights channels by the largest gradient over positions"
EXPLANATION = ("Grad-CAM weights each channel k by the average, over the h x w positions, of the gradient of the "
               "class score with respect to A_k: gradient[0].mean((1, 2)). The largest value keeps a single "
               "position's gradient and gives other weights (fastbook chapter 18: Grad-CAM).")


def grad_cam(model, layer, x, cls):
    kept = {}

    def keep(hook, module, inp, outp):
        kept["A"] = outp

    with Hook(layer, keep), torch.enable_grad():
        score = model(x)[0, cls]
    (gradient,) = torch.autograd.grad(score, kept["A"])
    weights = gradient[0].amax((1, 2))
    return (weights[:, None, None] * kept["A"][0].detach()).sum(0)
