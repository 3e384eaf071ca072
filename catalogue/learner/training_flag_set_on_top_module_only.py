"""The pass sets model.training = training instead of calling model.train(training): the model's children
(its dropout, its batch norms) stay in the mode they had."""
EXERCISE = "Learner"
TITLE = "model.training = ... assigned instead of calling model.train()"
EXPLANATION = ("model.train(mode) sets the flag of every child module, and that is what dropout and batch norm read. "
               "Assigning model.training changes the top module's flag only, so the layers inside stay in the mode "
               "they had (lesson 10: training and evaluation mode).")


class Learner(Learner):
    def _one_pass(self, training):
        self.training = training
        self.model.training = training
        batches = self.dls.train if training else self.dls.valid
        self.n_iter = len(batches)
        for self.iter, (self.xb, self.yb) in enumerate(batches):
            self._stage("batch", CancelBatchException, self._one_batch)
