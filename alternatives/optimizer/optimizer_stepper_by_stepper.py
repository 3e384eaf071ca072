"""Optimizer that peeks at the first item to tell one group from several, merges the defaults with dict
unpacking, runs each stepper over all parameters before the next (under a no_grad decorator), and zeroes a
gradient by giving it a new zero tensor."""
EXERCISE = "Optimizer"

import itertools  # noqa: E402


class Optimizer:
    def __init__(self, params, steppers, **defaults):
        self.steppers = [*steppers]
        merged = {k: v for stepper in self.steppers for k, v in getattr(stepper, "_defaults", {}).items()}
        hypers = {**merged, **defaults}
        iterator = iter(params)
        first = next(iterator, None)
        items = [] if first is None else list(itertools.chain([first], iterator))
        groups = [items] if isinstance(first, torch.Tensor) else [list(group) for group in items]
        self.param_groups = [dict(hypers, params=group) for group in groups]

    def hypers(self, group: dict) -> dict:
        return {key: value for key, value in group.items() if key != "params"}

    def grad_params(self):
        pairs = []
        for group in self.param_groups:
            hypers = self.hypers(group)
            pairs += [(p, hypers) for p in group["params"] if p.grad is not None]
        return pairs

    def zero_grad(self) -> None:
        for p, _ in self.grad_params():
            p.grad = torch.zeros_like(p.grad)

    @torch.no_grad()
    def step(self) -> None:
        pairs = self.grad_params()
        for stepper in self.steppers:
            pairs = [(stepper(p, **hypers), hypers) for p, hypers in pairs]
