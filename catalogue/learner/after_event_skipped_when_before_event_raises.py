"""The `finally` that fires after_X covers the stage's body but not before_X: when a callback's before_X
raises (a cancel or an error), after_X never runs, although before_X was fired."""
EXERCISE = "Learner"


class Learner(Learner):
    def _stage(self, name, cancel, body):
        try:
            self.callback(f"before_{name}")
            try:
                body()
            finally:
                self.callback(f"after_{name}")
        except cancel:
            pass
