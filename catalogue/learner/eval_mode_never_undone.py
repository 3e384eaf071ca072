"""model.train() is called once in fit, model.eval() before validation: from epoch 2 on, training runs in eval mode."""
EXERCISE = "Learner"
TITLE = "model.train() called once per fit, not before every training pass"
EXPLANATION = ("model.eval() before validation stays in force until something calls model.train(): from the second "
               "epoch on, the training batches run in eval mode (dropout off, batch norm on its running statistics). "
               "Call model.train() at the start of every training pass (lesson 9: the training loop).")


class Learner(Learner):
    def fit(self, n_epochs):
        self.model.train()
        super().fit(n_epochs)

    def _one_pass(self, training):
        self.training = training
        if not training:
            self.model.eval()
        batches = self.dls.train if training else self.dls.valid
        self.n_iter = len(batches)
        for self.iter, (self.xb, self.yb) in enumerate(batches):
            self._stage("batch", CancelBatchException, self._one_batch)
