"""after_X is fired only when the stage ends normally (no finally): a cancelled epoch gets no after_epoch."""
EXERCISE = "CancelEpochException"
TITLE = "after_X fired only when the stage ends normally, not in a finally"
EXPLANATION = ("A cancelled epoch (or batch, or fit) still owes its callbacks the after_ event: a recorder closes "
               "its epoch in after_epoch, whatever ended it. Fired as the last line of the try, after_X is skipped "
               "whenever an exception leaves the stage; fire it in a finally and catch the cancel outside (lesson "
               "10: the cancel exceptions).")


class Learner(Learner):
    def _stage(self, name, cancel, body):
        try:
            self.callback(f"before_{name}")
            body()
            self.callback(f"after_{name}")
        except cancel:
            pass
