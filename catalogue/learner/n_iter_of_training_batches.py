"""learn.n_iter is set once to len(dls.train), so validation batches report the training pass's length."""
EXERCISE = "Learner"


class Learner(Learner):
    def _one_pass(self, training):
        self.training = training
        self.model.train(training)
        batches = self.dls.train if training else self.dls.valid
        self.n_iter = len(self.dls.train)
        for self.iter, (self.xb, self.yb) in enumerate(batches):
            self._stage("batch", CancelBatchException, self._one_batch)
