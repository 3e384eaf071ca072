"""zero_grad sets every .grad to None (torch's set_to_none) instead of zeroing it: the contract keeps zero tensors,
so those parameters still step."""
EXERCISE = "Optimizer"
TITLE = "zero_grad sets .grad to None instead of zeroing it"
EXPLANATION = ("The contract's zero_grad() zeroes each gradient in place, p.grad.zero_(): the tensor stays, so a "
               "parameter that gets no new gradient still steps (momentum, weight decay); set to None it is skipped "
               "(lesson 11: optimizers from steppers).")

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
            p.grad = None

    def step(self) -> None:
        with torch.no_grad():
            for p, hypers in self.grad_params():
                for stepper in self.steppers:
                    p = stepper(p, **hypers)
