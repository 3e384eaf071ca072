"""The steppers' _defaults are merged after the keywords passed, so a stepper's default (wd = 0) wins over the wd
given."""
EXERCISE = "Optimizer"
TITLE = "steppers' _defaults merged after the keywords passed, so they win"
EXPLANATION = ("The hyper-parameters start from the steppers' _defaults and are then updated with the keywords "
               "passed, so what is passed wins. Merged the other way, a stepper's default such as wd = 0. silently "
               "replaces the wd given (lesson 11: optimizers from steppers).")

class Optimizer:
    def __init__(self, params, steppers, **defaults):
        self.steppers = list(steppers)
        hypers = dict(defaults)
        for stepper in self.steppers:
            hypers.update(getattr(stepper, "_defaults", {}))
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
