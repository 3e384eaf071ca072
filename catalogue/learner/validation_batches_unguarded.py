"""Only training batches catch CancelBatchException; in a validation batch nothing catches it: after_epoch and
after_fit run and fit raises it to the caller."""
EXERCISE = "CancelBatchException"
TITLE = "CancelBatchException not caught in validation batches"
EXPLANATION = ("CancelBatchException skips the rest of one batch, training or validation, and after_batch still "
               "runs. Validation batches run without the try/finally, so a cancel there skips after_batch and "
               "escapes every level: fit ends with the exception (lesson 10: the cancel exceptions).")


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
