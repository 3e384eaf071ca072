"""grad_params does not skip parameters whose .grad is None, so the steppers run on frozen parameters (and fail on
p.grad)."""
EXERCISE = "Optimizer"
TITLE = "grad_params keeps parameters whose .grad is None"
EXPLANATION = ("A parameter with no gradient (frozen, or unused by the loss) is left alone: grad_params keeps only "
               "those whose p.grad is not None, and the steppers, which read p.grad, fail on the others (lesson 11: "
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
        return [(p, self.hypers(group)) for group in self.param_groups for p in group["params"]]

    def zero_grad(self) -> None:
        for p, _ in self.grad_params():
            if p.grad is not None:
                p.grad.zero_()

    def step(self) -> None:
        with torch.no_grad():
            for p, hypers in self.grad_params():
                for stepper in self.steppers:
                    p = stepper(p, **hypers)
