"""AverageSqrGrad damps when dampening is False and not when it is True (the condition inverted)."""
EXERCISE = "AverageSqrGrad"
TITLE = "AverageSqrGrad's dampening condition inverted"
EXPLANATION = ("sqr_damp = 1 - sqr_mom if dampening else 1: the default dampening=True (Adam's second moment) scales "
               "the new square by 1 - sqr_mom, and dampening=False adds it whole. Inverted, each setting gets the "
               "other's average (lesson 11: Adam).")

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
