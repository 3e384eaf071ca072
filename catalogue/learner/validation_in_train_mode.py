"""model.train() is called at the start of every training pass and model.eval() never: validation runs in train
mode (dropout, batch statistics)."""
EXERCISE = "Learner"
TITLE = "model.eval() never called for validation"
EXPLANATION = ("Validation runs in eval mode, dropout off and batch norm on its running statistics, so that the "
               "metrics measure the model as it will be used. Calling model.train() alone leaves the validation pass "
               "in train mode; call model.train(training) at the start of each pass (lesson 9: the training loop).")


class Learner(Learner):
    def _one_pass(self, training):
        self.training = training
        if training:
            self.model.train()
        batches = self.dls.train if training else self.dls.valid
        self.n_iter = len(batches)
        for self.iter, (self.xb, self.yb) in enumerate(batches):
            self._stage("batch", CancelBatchException, self._one_batch)
