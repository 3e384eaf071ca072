"""AverageGrad.update returns a new dict of its own entries only, dropping the other statistics' state."""
EXERCISE = "AverageGrad"
TITLE = "AverageGrad.update returns only its own entries, dropping the rest"
EXPLANATION = ("A parameter's state holds every statistic's entries (sqr_avg, step...), and what update returns "
               "replaces it: a new dict of grad_avg and mom_damp alone loses the others. Update the state's own "
               "entries and return the whole state dict (lesson 11: stateful optimizers).")

class AverageGrad:
    _defaults = {"mom": 0.9}

    def __init__(self, dampening: bool = False):
        self.dampening = dampening

    def init_state(self, p) -> dict:
        return {"grad_avg": torch.zeros_like(p)}

    def update(self, p, state: dict, mom: float, **kwargs) -> dict:
        damp = 1 - mom if self.dampening else 1.0
        return {"grad_avg": mom * state["grad_avg"] + damp * p.grad, "mom_damp": damp}
