"""The hyper-parameters are copied into a list at construction and step() reads that copy: a scheduler's changes to
param_groups are ignored."""
EXERCISE = "Optimizer"
TITLE = "hyper-parameters copied at construction, so step() ignores changes"
EXPLANATION = ("Schedulers (OneCycle) change a group's lr and mom in param_groups between steps, and every step must "
               "read what its group's dict holds then. Stepping with a copy made in __init__ keeps the first values "
               "forever (lesson 11: optimizers from steppers).")

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
        self.hypers_at_start = [self.hypers(group) for group in self.param_groups]

    def hypers(self, group: dict) -> dict:
        return {key: value for key, value in group.items() if key != "params"}

    def grad_params(self):
        return [(p, hypers) for group, hypers in zip(self.param_groups, self.hypers_at_start)
                for p in group["params"] if p.grad is not None]

    def zero_grad(self) -> None:
        for p, _ in self.grad_params():
            p.grad.detach_()
            p.grad.zero_()

    def step(self) -> None:
        with torch.no_grad():
            for p, hypers in self.grad_params():
                for stepper in self.steppers:
                    p = stepper(p, **hypers)
