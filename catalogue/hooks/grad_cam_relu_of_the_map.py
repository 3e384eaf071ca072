"""grad_cam returns relu of the map (as the Grad-CAM paper shows it), not the map the contract defines."""
EXERCISE = "grad_cam"


def grad_cam(model, layer, x, cls):
    kept = {}

    def keep(hook, module, inp, outp):
        kept["A"] = outp

    with Hook(layer, keep), torch.enable_grad():
        score = model(x)[0, cls]
    (gradient,) = torch.autograd.grad(score, kept["A"])
    weights = gradient[0].mean((1, 2))
    return (weights[:, None, None] * kept["A"][0].detach()).sum(0).relu()
