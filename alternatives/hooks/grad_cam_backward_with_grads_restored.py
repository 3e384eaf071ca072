"""grad_cam with HookBwd and backward(), the parameters' .grad saved before and put back after."""
EXERCISE = "grad_cam"


def grad_cam(model, layer, x, cls):
    saved = [(p, p.grad) for p in model.parameters()]
    try:
        with HookBwd(layer) as backward_hook, Hook(layer, lambda h, mod, inp, outp: setattr(h, "act", outp)) as h:
            with torch.enable_grad():
                for p, _ in saved:
                    p.grad = None
                model(x)[0, cls].backward()
        act, grad = h.act.detach(), backward_hook.stored
    finally:
        for p, g in saved:
            p.grad = g
    weights = grad[0].mean((1, 2))
    return (weights[:, None, None] * act[0]).sum(0)
