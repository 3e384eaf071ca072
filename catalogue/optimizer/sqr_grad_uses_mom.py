"""AverageSqrGrad, copied from AverageGrad, reads mom instead of sqr_mom."""
EXERCISE = "AverageSqrGrad"

class AverageSqrGrad:
    _defaults = {"sqr_mom": 0.99}

    def __init__(self, dampening: bool = True):
        self.dampening = dampening

    def init_state(self, p) -> dict:
        return {"sqr_avg": torch.zeros_like(p)}

    def update(self, p, state: dict, sqr_mom: float, **kwargs) -> dict:
        mom = kwargs.get("mom", sqr_mom)
        state["sqr_damp"] = 1 - mom if self.dampening else 1.0
        state["sqr_avg"].mul_(mom).addcmul_(p.grad, p.grad, value=state["sqr_damp"])
        return state
