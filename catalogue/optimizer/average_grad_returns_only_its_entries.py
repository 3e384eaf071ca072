"""AverageGrad.update returns a new dict of its own entries only, dropping the other statistics' state."""
EXERCISE = "AverageGrad"

class AverageGrad:
    _defaults = {"mom": 0.9}

    def __init__(self, dampening: bool = False):
        self.dampening = dampening

    def init_state(self, p) -> dict:
        return {"grad_avg": torch.zeros_like(p)}

    def update(self, p, state: dict, mom: float, **kwargs) -> dict:
        damp = 1 - mom if self.dampening else 1.0
        return {"grad_avg": mom * state["grad_avg"] + damp * p.grad, "mom_damp": damp}
