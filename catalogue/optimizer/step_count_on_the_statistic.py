"""StepCount keeps the count on the statistic object, one count for all parameters, instead of in each parameter's
state."""
EXERCISE = "StepCount"
TITLE = "StepCount keeps one count on the statistic for all parameters"
EXPLANATION = ("Each parameter's count belongs in its own state (init_state gives 0, update adds 1). A count on the "
               "StepCount object goes up once per parameter per step, so with several parameters step runs ahead and "
               "Adam's debiasing is wrong (lesson 11: Adam).")

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
