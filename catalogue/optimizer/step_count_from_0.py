"""StepCount's update returns a copy holding the count from before it adds: the state keeps step 0 at every update,
and Adam's debiasing divides by zero."""
EXERCISE = "StepCount"
TITLE = "StepCount returns the count from before this step"
EXPLANATION = ("step counts a parameter's steps, this one included: 1 at the first. Returning the old count, in a "
               "copy that replaces the state, gives step 0 at the first step and keeps it there, and Adam's "
               "debias(mom, damp, 0) is 0, a division by zero (lesson 11: Adam).")

class StepCount:
    _defaults = {}

    def init_state(self, p) -> dict:
        return {"step": 0}

    def update(self, p, state: dict, **kwargs) -> dict:
        step = state["step"]
        state["step"] += 1
        return {**state, "step": step}
