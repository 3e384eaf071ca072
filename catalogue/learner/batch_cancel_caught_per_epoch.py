"""CancelBatchException is caught around the whole pass, so one cancelled batch ends the pass."""
EXERCISE = "CancelBatchException"
TITLE = "CancelBatchException caught around the whole pass, not one batch"
EXPLANATION = ("CancelBatchException skips the rest of one batch: after_batch runs, then the next batch. A try "
               "around the loop over the batches turns it into the end of the pass, skipping every remaining batch "
               "of that pass (lesson 10: the cancel exceptions).")


class Learner(Learner):
    def _one_pass(self, training):
        self.training = training
        self.model.train(training)
        batches = self.dls.train if training else self.dls.valid
        self.n_iter = len(batches)
        try:
            for self.iter, (self.xb, self.yb) in enumerate(batches):
                try:
                    self.callback("before_batch")
                    self._one_batch()
                finally:
                    self.callback("after_batch")
        except CancelBatchException:
            pass
