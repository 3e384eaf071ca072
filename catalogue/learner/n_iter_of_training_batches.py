"""learn.n_iter is set once to len(dls.train), so validation batches report the training pass's length."""
EXERCISE = "Learner"
TITLE = "learn.n_iter set to len(dls.train) in the validation pass too"
EXPLANATION = ("learn.n_iter is the length of the current pass: len(dls.train) while training, len(dls.valid) while "
               "validating. The training length in both makes validation callbacks (progress bars, averages) count "
               "the wrong number of batches (lessons 9-10: the training loop).")


class Learner(Learner):
    def _one_pass(self, training):
        self.training = training
        self.model.train(training)
        batches = self.dls.train if training else self.dls.valid
        self.n_iter = len(self.dls.train)
        for self.iter, (self.xb, self.yb) in enumerate(batches):
            self._stage("batch", CancelBatchException, self._one_batch)
