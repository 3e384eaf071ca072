"""CancelBatchException is caught at every level, so one raised outside a batch is swallowed by the epoch or the fit."""
EXERCISE = "CancelBatchException"
TITLE = "CancelBatchException caught at the epoch and fit levels too"
EXPLANATION = ("Each cancel exception is caught at its own level only, CancelBatchException around one batch. Raised "
               "outside any batch (in before_epoch, after_epoch, before_fit), it must leave fit as the callback's "
               "error, not be silently taken for the end of an epoch or of the fit (lesson 10: the cancel "
               "exceptions).")


class Learner(Learner):
    def _stage(self, name, cancel, body):
        super()._stage(name, (cancel, CancelBatchException), body)
