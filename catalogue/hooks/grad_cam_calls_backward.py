"""grad_cam runs output[0, cls].backward() with HookBwd (as fastbook does): it adds to every parameter's .grad."""
EXERCISE = "grad_cam"
TITLE = "grad_cam takes the gradient with backward(), adding to every .grad"
EXPLANATION = ("backward() accumulates into every parameter's .grad, so computing a map changes the gradients of a "
               "model that may be in the middle of training. torch.autograd.grad(score, A) returns the gradient with "
               "respect to the activations alone and leaves .grad as it was (fastbook chapter 18: Grad-CAM).")


def grad_cam(model, layer, x, cls):
    with HookBwd(layer) as hookg:
        with Hook(layer, lambda hook, module, inp, outp: setattr(hook, "stored", outp.detach().clone())) as hook:
            with torch.enable_grad():
                output = model(x)
            act = hook.stored
        output[0, cls].backward()
        grad = hookg.stored
    w = grad[0].mean(dim=[1, 2])
    return (w[:, None, None] * act[0]).sum(0)
