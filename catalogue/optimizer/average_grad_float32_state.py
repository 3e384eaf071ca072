"""AverageGrad.init_state uses torch.zeros(p.shape), a float32 average for float64 parameters."""
EXERCISE = "AverageGrad"
TITLE = "AverageGrad's state made with torch.zeros(p.shape), always float32"
EXPLANATION = ("init_state gives new tensors of p's shape and dtype: torch.zeros_like(p). torch.zeros(p.shape) is "
               "float32 whatever p is, so a float64 parameter's average is rounded to float32 at every step (lesson "
               "11: momentum).")

class AverageGrad:
    _defaults = {"mom": 0.9}

    def __init__(self, dampening: bool = False):
        self.dampening = dampening

    def init_state(self, p) -> dict:
        return {"grad_avg": torch.zeros(p.shape)}

    def update(self, p, state: dict, mom: float, **kwargs) -> dict:
        state["mom_damp"] = 1 - mom if self.dampening else 1.0
        state["grad_avg"].mul_(mom).add_(p.grad, alpha=state["mom_damp"])
        return state
