"""Only training batches catch CancelBatchException; in a validation batch it ends the epoch and skips after_batch."""
EXERCISE = "CancelBatchException"


class Learner(Learner):
    def _one_pass(self, training):
        self.training = training
        self.model.train(training)
        batches = self.dls.train if training else self.dls.valid
        self.n_iter = len(batches)
        for self.iter, (self.xb, self.yb) in enumerate(batches):
            if training:
                self._stage("batch", CancelBatchException, self._one_batch)
            else:
                self.callback("before_batch")
                self._one_batch()
                self.callback("after_batch")
