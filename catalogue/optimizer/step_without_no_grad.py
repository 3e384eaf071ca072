"""step() runs the steppers without torch.no_grad(): their in-place changes to parameters that require grad fail."""
EXERCISE = "Optimizer"
TITLE = "Optimizer.step() without torch.no_grad()"
EXPLANATION = ("Parameters require grad, and autograd refuses in-place changes to a leaf that requires grad: the "
               "steppers must run under torch.no_grad(), which also keeps the updates out of the graph (lesson 11: "
               "optimizers from steppers).")

class Optimizer:
    def __init__(self, params, steppers, **defaults):
        self.steppers = list(steppers)
        hypers = {}
        for stepper in self.steppers:
            hypers.update(getattr(stepper, "_defaults", {}))
        hypers.update(defaults)
        params = list(params)
        groups = params if params and isinstance(params[0], (list, tuple)) else [params]
        self.param_groups = [{"params": list(group), **hypers} for group in groups]

    def hypers(self, group: dict) -> dict:
        return {key: value for key, value in group.items() if key != "params"}

    def grad_params(self):
        return [(p, self.hypers(group)) for group in self.param_groups for p in group["params"]
                if p.grad is not None]

    def zero_grad(self) -> None:
        for p, _ in self.grad_params():
            p.grad.detach_()
            p.grad.zero_()

    def step(self) -> None:
        for p, hypers in self.grad_params():
            for stepper in self.steppers:
                p = stepper(p, **hypers)
