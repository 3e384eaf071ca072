"""grad_cam makes its Hook without a with block and never removes it: the layer keeps a hook."""
EXERCISE = "grad_cam"
TITLE = "grad_cam's forward hook never removed from the layer"
EXPLANATION = ("A hook stays on its module until it is removed: it runs at every later forward pass and keeps the "
               "last activations alive. Register it in a with block (Hook is a context manager) so that it goes when "
               "grad_cam returns (fastbook chapter 18: hooks and Grad-CAM).")


def grad_cam(model, layer, x, cls):
    kept = {}

    def keep(hook, module, inp, outp):
        kept["A"] = outp

    Hook(layer, keep)
    with torch.enable_grad():
        score = model(x)[0, cls]
    (gradient,) = torch.autograd.grad(score, kept["A"])
    weights = gradient[0].mean((1, 2))
    return (weights[:, None, None] * kept["A"][0].detach()).sum(0)
