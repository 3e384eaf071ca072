"""AverageSqrGrad damps when dampening is False and not when it is True (the condition inverted)."""
EXERCISE = "AverageSqrGrad"

class AverageSqrGrad:
    _defaults = {"sqr_mom": 0.99}

    def __init__(self, dampening: bool = True):
        self.dampening = dampening

    def init_state(self, p) -> dict:
        return {"sqr_avg": torch.zeros_like(p)}

    def update(self, p, state: dict, sqr_mom: float, **kwargs) -> dict:
        state["sqr_damp"] = 1.0 if self.dampening else 1 - sqr_mom
        state["sqr_avg"].mul_(sqr_mom).addcmul_(p.grad, p.grad, value=state["sqr_damp"])
        return state
