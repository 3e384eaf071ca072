"""The batch is unpacked into learn.xb and learn.yb inside the batch stage, after before_batch fired: a
before_batch callback sees the previous batch (or nothing), and its replacement is overwritten."""
EXERCISE = "Learner"
TITLE = "learn.xb and learn.yb set after before_batch has fired"
EXPLANATION = ("A callback reads, and may replace, the batch in before_batch, so learn.xb and learn.yb must hold it "
               "before that event fires. Unpacking them inside the batch stage shows before_batch the previous batch "
               "(or none) and overwrites whatever it put there (lessons 9-10: callbacks change the Learner's "
               "state).")


class Learner(Learner):
    def _one_pass(self, training):
        self.training = training
        self.model.train(training)
        batches = self.dls.train if training else self.dls.valid
        self.n_iter = len(batches)
        for self.iter, batch in enumerate(batches):
            self._stage("batch", CancelBatchException, lambda: self._unpack_and_run(batch))

    def _unpack_and_run(self, batch):
        self.xb, self.yb = batch
        self._one_batch()
