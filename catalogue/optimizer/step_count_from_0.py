"""StepCount hands out the count before adding this step (post-increment): step is 0 at the first update, and Adam's
debiasing divides by zero."""
EXERCISE = "StepCount"

class StepCount:
    _defaults = {}

    def init_state(self, p) -> dict:
        return {"step": 0}

    def update(self, p, state: dict, **kwargs) -> dict:
        step = state["step"]
        state["step"] += 1
        return {**state, "step": step}
