"""StepCount's init_state already counts one step and update adds another: step is 2 at the first update."""
EXERCISE = "StepCount"

class StepCount:
    _defaults = {}

    def init_state(self, p) -> dict:
        return {"step": 1}

    def update(self, p, state: dict, **kwargs) -> dict:
        state["step"] += 1
        return state
