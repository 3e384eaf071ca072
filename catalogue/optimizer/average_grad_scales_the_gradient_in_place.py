"""AverageGrad scales p.grad itself by mom_damp (p.grad.mul_) before adding it: the gradient the steppers read is
changed."""
EXERCISE = "AverageGrad"
TITLE = "AverageGrad scales p.grad in place by mom_damp"
EXPLANATION = ("p.grad.mul_(mom_damp) changes the gradient itself, so the statistics and steppers after AverageGrad "
               "read a damped gradient. A statistic changes only its state: grad_avg.mul_(mom).add_(p.grad, "
               "alpha=mom_damp) (lesson 11: momentum).")

class AverageGrad:
    _defaults = {"mom": 0.9}

    def __init__(self, dampening: bool = False):
        self.dampening = dampening

    def init_state(self, p) -> dict:
        return {"grad_avg": torch.zeros_like(p)}

    def update(self, p, state: dict, mom: float, **kwargs) -> dict:
        state["mom_damp"] = 1 - mom if self.dampening else 1.0
        state["grad_avg"].mul_(mom).add_(p.grad.mul_(state["mom_damp"]))
        return state
