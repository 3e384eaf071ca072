"""AverageSqrGrad, copied from AverageGrad, reads mom instead of sqr_mom."""
EXERCISE = "AverageSqrGrad"
TITLE = "AverageSqrGrad reads mom instead of sqr_mom"
EXPLANATION = ("The two averages have rates of their own: mom (0.9) for the gradient, sqr_mom (0.99) for its square. "
               "Averaging the squares with mom makes Adam's denominator follow the last few gradients instead of a "
               "long average (lesson 11: Adam).")

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
