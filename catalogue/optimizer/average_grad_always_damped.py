"""AverageGrad always takes an exponential moving average, (1 - mom) * grad, ignoring dampening=False (SGD's
momentum adds the whole gradient)."""
EXERCISE = "AverageGrad"

class AverageGrad:
    _defaults = {"mom": 0.9}

    def __init__(self, dampening: bool = False):
        self.dampening = dampening

    def init_state(self, p) -> dict:
        return {"grad_avg": torch.zeros_like(p)}

    def update(self, p, state: dict, mom: float, **kwargs) -> dict:
        state["mom_damp"] = 1 - mom
        state["grad_avg"].lerp_(p.grad, 1 - mom)
        return state
