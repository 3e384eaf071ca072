"""params is read twice (list(params)[0] to look at it, then again to build the groups): a generator such as
model.parameters() is empty the second time."""
EXERCISE = "Optimizer"
TITLE = "params iterated twice, so a generator leaves an empty group"
EXPLANATION = ("model.parameters() is a generator, which can be read only once: list(params)[0] uses it up, and the "
               "group built from params afterwards is empty, so nothing trains. Make one list, params = list(params), "
               "and use it throughout (lesson 11: optimizers from steppers).")

class Optimizer:
    def __init__(self, params, steppers, **defaults):
        self.steppers = list(steppers)
        hypers = {}
        for stepper in self.steppers:
            hypers.update(getattr(stepper, "_defaults", {}))
        hypers.update(defaults)
        first = list(params)[0]
        groups = params if isinstance(first, (list, tuple)) else [params]
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
        with torch.no_grad():
            for p, hypers in self.grad_params():
                for stepper in self.steppers:
                    p = stepper(p, **hypers)
