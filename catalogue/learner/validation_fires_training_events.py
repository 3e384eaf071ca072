"""Validation batches also fire after_backward and after_step (without stepping)."""
EXERCISE = "Learner"


class Learner(Learner):
    def _one_batch(self):
        super()._one_batch()
        if not self.training:
            self.callback("after_backward")
            self.callback("after_step")
