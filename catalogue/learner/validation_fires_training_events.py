"""Validation batches also fire after_backward and after_step (without stepping)."""
EXERCISE = "Learner"
TITLE = "after_backward and after_step fired in validation"
EXPLANATION = ("after_backward and after_step mark the backward pass and the optimizer step, which happen in "
               "training only. Firing them in validation makes callbacks (gradient clipping, schedules, statistics) "
               "act on batches that take no step (lesson 9: the training loop).")


class Learner(Learner):
    def _one_batch(self):
        super()._one_batch()
        if not self.training:
            self.callback("after_backward")
            self.callback("after_step")
