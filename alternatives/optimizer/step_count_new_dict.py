"""StepCount that returns a new dict with the count read with a default (init_state gives an empty dict)."""
EXERCISE = "StepCount"


class StepCount:
    _defaults = {}

    def init_state(self, p) -> dict:
        return {}

    def update(self, p, state: dict, **kwargs) -> dict:
        return {**state, "step": state.get("step", 0) + 1}
