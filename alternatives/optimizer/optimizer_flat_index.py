"""Optimizer that keeps param_groups as the contract says but walks them through a flat index of (group
number, parameter) built afresh at every step, reading each group's dict at that moment; zero_grad uses
requires_grad_(False) / zero_ as torch's own does."""
EXERCISE = "Optimizer"


class Optimizer:
    def __init__(self, params, steppers, **defaults):
        self.steppers = tuple(steppers)
        hypers = {}
        for stepper in reversed(self.steppers):
            for key, value in getattr(stepper, "_defaults", {}).items():
                hypers.setdefault(key, value)
        hypers.update(defaults)
        params = list(params)
        if params and all(isinstance(p, torch.Tensor) for p in params):
            params = [params]
        self.param_groups = []
        for group in params:
            entry = dict(hypers)
            entry["params"] = [p for p in group]
            self.param_groups.append(entry)

    def hypers(self, group: dict) -> dict:
        return {key: value for key, value in group.items() if key != "params"}

    def _index(self):
        return [(i, p) for i, group in enumerate(self.param_groups) for p in group["params"]]

    def grad_params(self):
        return [(p, self.hypers(self.param_groups[i])) for i, p in self._index() if p.grad is not None]

    def zero_grad(self) -> None:
        for _, p in self._index():
            if p.grad is not None:
                if p.grad.grad_fn is not None:
                    p.grad.detach_()
                else:
                    p.grad.requires_grad_(False)
                p.grad.zero_()

    def step(self) -> None:
        with torch.no_grad():
            for i, p in self._index():
                if p.grad is None:
                    continue
                hypers = self.hypers(self.param_groups[i])
                for stepper in self.steppers:
                    p = stepper(p, **hypers)
