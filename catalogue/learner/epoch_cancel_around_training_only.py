"""CancelEpochException is caught around the training pass only, so a cancelled epoch still validates."""
EXERCISE = "CancelEpochException"
TITLE = "CancelEpochException caught around the training pass only"
EXPLANATION = ("CancelEpochException ends the whole epoch: its remaining training batches and its validation pass "
               "are skipped, then after_epoch runs. Caught around the training pass alone, a cancelled epoch still "
               "validates, and a cancel from before_epoch or the validation pass escapes fit (lesson 10: the cancel "
               "exceptions).")


class Learner(Learner):
    def _all_epochs(self):
        for epoch in range(self.n_epochs):
            self.epoch = epoch
            try:
                self.callback("before_epoch")
                try:
                    self._one_pass(training=True)
                except CancelEpochException:
                    pass
                with torch.no_grad():
                    self._one_pass(training=False)
            finally:
                self.callback("after_epoch")
