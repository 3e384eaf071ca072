"""StepCount's init_state already counts one step and update adds another: step is 2 at the first update."""
EXERCISE = "StepCount"
TITLE = "StepCount starts at 1 and adds 1: step is 2 at the first update"
EXPLANATION = ("step counts the steps taken, this one included: init_state gives 0 and update adds 1, so the first "
               "step is 1. Starting at 1 makes every count one too many, and Adam's debiasing too weak in the first "
               "steps (lesson 11: Adam).")

class StepCount:
    _defaults = {}

    def init_state(self, p) -> dict:
        return {"step": 1}

    def update(self, p, state: dict, **kwargs) -> dict:
        state["step"] += 1
        return state
