"""The merge starts from the first stepper's own _defaults dict and updates it, so the keywords of one optimizer
leak into the next one built with that stepper."""
EXERCISE = "Optimizer"
TITLE = "the merge updates the first stepper's own _defaults dict"
EXPLANATION = ("hypers = stepper._defaults is that same dict, not a copy, so updating it writes this optimizer's "
               "keywords into the stepper's defaults, and the next optimizer built with that stepper gets them. Start "
               "from a new dict: hypers = {} (lesson 11: optimizers from steppers).")

class Optimizer:
    def __init__(self, params, steppers, **defaults):
        self.steppers = list(steppers)
        hypers = getattr(self.steppers[0], "_defaults", {})
        for stepper in self.steppers[1:]:
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
        with torch.no_grad():
            for p, hypers in self.grad_params():
                for stepper in self.steppers:
                    p = stepper(p, **hypers)
