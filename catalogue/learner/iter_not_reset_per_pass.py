"""learn.iter counts on across passes (and fits) instead of restarting at 0 in each pass."""
EXERCISE = "Learner"
TITLE = "learn.iter counting on across passes instead of restarting at 0"
EXPLANATION = ("learn.iter is the batch's index in its pass, 0 to n_iter - 1, afresh in every training and every "
               "validation pass. A counter kept on the Learner runs on across passes, epochs and fits, so a callback "
               "comparing iter with n_iter sees indexes past the end of the pass (lessons 9-10: the training loop).")


class Learner(Learner):
    def _one_pass(self, training):
        self.training = training
        self.model.train(training)
        batches = self.dls.train if training else self.dls.valid
        self.n_iter = len(batches)
        if not hasattr(self, "_seen"):
            self._seen = 0
        for self.xb, self.yb in batches:
            self.iter = self._seen
            self._seen += 1
            self._stage("batch", CancelBatchException, self._one_batch)
