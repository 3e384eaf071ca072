"""AverageGrad damps when dampening is False and not when it is True (the condition inverted)."""
EXERCISE = "AverageGrad"
TITLE = "AverageGrad's dampening condition inverted"
EXPLANATION = ("mom_damp = 1 - mom if dampening else 1: dampening=True (Adam's first moment) scales the new gradient "
               "by 1 - mom, and the default dampening=False (SGD's momentum) adds it whole. Inverted, each optimizer "
               "gets the other's average (lesson 11: momentum).")

class AverageGrad:
    _defaults = {"mom": 0.9}

    def __init__(self, dampening: bool = False):
        self.dampening = dampening

    def init_state(self, p) -> dict:
        return {"grad_avg": torch.zeros_like(p)}

    def update(self, p, state: dict, mom: float, **kwargs) -> dict:
        state["mom_damp"] = 1.0 if self.dampening else 1 - mom
        state["grad_avg"].mul_(mom).add_(p.grad, alpha=state["mom_damp"])
        return state
