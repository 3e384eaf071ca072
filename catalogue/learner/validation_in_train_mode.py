"""model.train() is called once at the start; validation runs in train mode (dropout, batch statistics)."""
EXERCISE = "Learner"


class Learner(Learner):
    def _one_pass(self, training):
        self.training = training
        if training:
            self.model.train()
        batches = self.dls.train if training else self.dls.valid
        self.n_iter = len(batches)
        for self.iter, (self.xb, self.yb) in enumerate(batches):
            self._stage("batch", CancelBatchException, self._one_batch)
