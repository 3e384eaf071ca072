"""grad_cam differentiates the softmax probability of cls instead of its score model(x)[0, cls]."""
EXERCISE = "grad_cam"
TITLE = "grad_cam differentiates the softmax probability, not the class score"
EXPLANATION = ("Grad-CAM takes the gradient of the score model(x)[0, cls], before any softmax. The probability's "
               "gradient depends on every other class's score too, and fades towards 0 as the prediction grows "
               "confident (fastbook chapter 18: Grad-CAM).")


def grad_cam(model, layer, x, cls):
    kept = {}

    def keep(hook, module, inp, outp):
        kept["A"] = outp

    with Hook(layer, keep), torch.enable_grad():
        score = model(x).softmax(-1)[0, cls]
    (gradient,) = torch.autograd.grad(score, kept["A"])
    weights = gradient[0].mean((1, 2))
    return (weights[:, None, None] * kept["A"][0].detach()).sum(0)
