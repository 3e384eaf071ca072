"""Lists of tensors are flattened into one group: every parameter gets the first group's hyper-parameters, and a
scheduler's per-group values are lost."""
EXERCISE = "Optimizer"
TITLE = "parameter groups flattened into a single group"
EXPLANATION = ("Given lists of tensors, the optimizer keeps one group per list, each a dict of its own "
               "hyper-parameters, so layers can get different learning rates and a scheduler can set each group's. "
               "One flat group loses that split (lesson 11: optimizers from steppers).")

class Optimizer:
    def __init__(self, params, steppers, **defaults):
        self.steppers = list(steppers)
        hypers = {}
        for stepper in self.steppers:
            hypers.update(getattr(stepper, "_defaults", {}))
        hypers.update(defaults)
        flat = []
        for item in params:
            flat.extend(item if isinstance(item, (list, tuple)) else [item])
        self.param_groups = [{"params": flat, **hypers}]

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
