"""AverageGrad applies the damping but does not store mom_damp in the state, which adam_step's debiasing needs."""
EXERCISE = "AverageGrad"
TITLE = "AverageGrad applies the damping but does not store mom_damp"
EXPLANATION = ("adam_step's debiasing reads mom_damp from the state, debias(mom, mom_damp, step), so update must "
               "store it beside grad_avg: state['mom_damp'] = 1 - mom if dampening else 1.0 (lesson 11: Adam).")

class AverageGrad:
    _defaults = {"mom": 0.9}

    def __init__(self, dampening: bool = False):
        self.dampening = dampening

    def init_state(self, p) -> dict:
        return {"grad_avg": torch.zeros_like(p)}

    def update(self, p, state: dict, mom: float, **kwargs) -> dict:
        damp = 1 - mom if self.dampening else 1.0
        state["grad_avg"].mul_(mom).add_(p.grad, alpha=damp)
        return state
