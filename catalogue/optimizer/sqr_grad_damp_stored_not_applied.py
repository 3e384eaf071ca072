"""AverageSqrGrad stores sqr_damp but adds grad**2 undamped."""
EXERCISE = "AverageSqrGrad"

class AverageSqrGrad:
    _defaults = {"sqr_mom": 0.99}

    def __init__(self, dampening: bool = True):
        self.dampening = dampening

    def init_state(self, p) -> dict:
        return {"sqr_avg": torch.zeros_like(p)}

    def update(self, p, state: dict, sqr_mom: float, **kwargs) -> dict:
        state["sqr_damp"] = 1 - sqr_mom if self.dampening else 1.0
        state["sqr_avg"].mul_(sqr_mom).add_(p.grad.pow(2))
        return state
