"""AverageSqrGrad squares p.grad in place (p.grad.pow_(2)): the steppers then read the squared gradient."""
EXERCISE = "AverageSqrGrad"
TITLE = "AverageSqrGrad squares p.grad in place"
EXPLANATION = ("p.grad.pow_(2) replaces the gradient with its square, so the steppers (and any statistic after) read "
               "grad**2. A statistic changes only its state: sqr_avg.mul_(sqr_mom).addcmul_(p.grad, p.grad, "
               "value=sqr_damp) (lesson 11: Adam).")

class AverageSqrGrad:
    _defaults = {"sqr_mom": 0.99}

    def __init__(self, dampening: bool = True):
        self.dampening = dampening

    def init_state(self, p) -> dict:
        return {"sqr_avg": torch.zeros_like(p)}

    def update(self, p, state: dict, sqr_mom: float, **kwargs) -> dict:
        state["sqr_damp"] = 1 - sqr_mom if self.dampening else 1.0
        state["sqr_avg"].mul_(sqr_mom).add_(p.grad.pow_(2), alpha=state["sqr_damp"])
        return state
