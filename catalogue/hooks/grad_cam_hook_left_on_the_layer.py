"""grad_cam makes its Hook without a with block and never removes it: the layer keeps a hook."""
EXERCISE = "grad_cam"


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
