"""CancelFitException is caught around each epoch, so the next epoch still runs."""
EXERCISE = "CancelFitException"
TITLE = "CancelFitException caught around each epoch, not the whole fit"
EXPLANATION = ("CancelFitException ends the whole fit: no further epoch runs, only the pending after_ events. Caught "
               "around each epoch, it ends the current epoch and the next one starts, so early stopping never stops "
               "training. Catch it once, around the fit (lesson 10: the cancel exceptions).")


class Learner(Learner):
    def _all_epochs(self):
        for epoch in range(self.n_epochs):
            self.epoch = epoch
            try:
                self._stage("epoch", CancelEpochException, self._one_epoch)
            except CancelFitException:
                pass
