"""The `finally` that fires after_X covers the stage's body but not before_X: when a callback's before_X
raises (a cancel or an error), after_X never runs, although before_X was fired."""
EXERCISE = "Learner"
TITLE = "before_X fired outside the try/finally that fires after_X"
EXPLANATION = ("Every after_X must run once its before_X has fired, so the finally that fires after_X has to cover "
               "before_X too: a callback that cancels or fails in before_fit, before_epoch or before_batch still "
               "gets its after_ event. With before_X outside the try, after_X is skipped (lesson 10: callbacks and "
               "the cancel exceptions).")


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
