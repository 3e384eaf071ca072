"""StepCount keeps the count on the statistic object, one count for all parameters, instead of in each parameter's
state."""
EXERCISE = "StepCount"

class StepCount:
    _defaults = {}

    def __init__(self):
        self.count = 0

    def init_state(self, p) -> dict:
        return {"step": 0}

    def update(self, p, state: dict, **kwargs) -> dict:
        self.count += 1
        state["step"] = self.count
        return state
