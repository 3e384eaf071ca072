"""after_X is fired only when the stage ends normally (no finally): a cancelled epoch gets no after_epoch."""
EXERCISE = "CancelEpochException"


class Learner(Learner):
    def _stage(self, name, cancel, body):
        try:
            self.callback(f"before_{name}")
            body()
            self.callback(f"after_{name}")
        except cancel:
            pass
