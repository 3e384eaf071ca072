"""AverageGrad that returns a new dict (the other entries copied) and takes the damped average with torch.lerp."""
EXERCISE = "AverageGrad"


class AverageGrad:
    _defaults = {"mom": 0.9}

    def __init__(self, dampening: bool = False):
        self.dampening = dampening

    def init_state(self, p) -> dict:
        return {"grad_avg": p.detach().new_zeros(p.shape)}

    def update(self, p, state: dict, mom: float, **kwargs) -> dict:
        if self.dampening:
            return {**state, "grad_avg": torch.lerp(state["grad_avg"], p.grad, 1 - mom), "mom_damp": 1 - mom}
        return {**state, "grad_avg": mom * state["grad_avg"] + p.grad, "mom_damp": 1}
