"""AverageSqrGrad out of place with grad.pow(2), the state entry replaced by the new tensor."""
EXERCISE = "AverageSqrGrad"


class AverageSqrGrad:
    _defaults = {"sqr_mom": 0.99}

    def __init__(self, dampening: bool = True):
        self.dampening = dampening

    def init_state(self, p) -> dict:
        return {"sqr_avg": torch.zeros(p.shape, dtype=p.dtype)}

    def update(self, p, state: dict, sqr_mom: float, **kwargs) -> dict:
        damp = (1 - sqr_mom) if self.dampening else 1
        state["sqr_avg"] = sqr_mom * state["sqr_avg"] + damp * p.grad.pow(2)
        state["sqr_damp"] = damp
        return state
