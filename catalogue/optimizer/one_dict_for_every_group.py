"""One hyper-parameter dict is filled and appended for every group, so all groups are the same dict (holding the
last group's params)."""
EXERCISE = "Optimizer"
TITLE = "one dict shared by all the parameter groups"
EXPLANATION = ("Each group is a dict of its own, {'params': [...], **hypers}. Appending the same dict for every group "
               "makes all the groups that one dict, holding the last group's params: the other parameters are dropped "
               "and groups cannot have different hyper-parameters (lesson 11: optimizers from steppers).")

class Optimizer:
    def __init__(self, params, steppers, **defaults):
        self.steppers = list(steppers)
        hypers = {}
        for stepper in self.steppers:
            hypers.update(getattr(stepper, "_defaults", {}))
        hypers.update(defaults)
        params = list(params)
        groups = params if params and isinstance(params[0], (list, tuple)) else [params]
        self.param_groups = []
        for group in groups:
            hypers["params"] = list(group)
            self.param_groups.append(hypers)

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
