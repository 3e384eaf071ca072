"""AverageGrad always takes an exponential moving average, (1 - mom) * grad, ignoring dampening=False (SGD's
momentum adds the whole gradient)."""
EXERCISE = "AverageGrad"
TITLE = "AverageGrad always damps, ignoring dampening=False"
EXPLANATION = ("AverageGrad() is SGD's momentum, grad_avg = mom * grad_avg + grad, undamped; only "
               "AverageGrad(dampening=True), Adam's first moment, scales the gradient by 1 - mom. Always damping "
               "makes momentum's steps about 1 - mom times as large (10 times smaller for mom=0.9) (lesson 11: "
               "momentum).")

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
