"""AverageSqrGrad stores sqr_damp but adds grad**2 undamped."""
EXERCISE = "AverageSqrGrad"
TITLE = "AverageSqrGrad stores sqr_damp but adds grad**2 undamped"
EXPLANATION = ("sqr_avg = sqr_mom * sqr_avg + sqr_damp * grad**2: the damping that debias2 assumes must scale the new "
               "square too. Adding grad**2 whole makes the average 1 / (1 - sqr_mom) times too large, so Adam's "
               "denominator is 10 times too large for sqr_mom=0.99 (lesson 11: Adam).")

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
