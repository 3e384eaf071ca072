"""learn.training is set to True once and never to False: callbacks see validation batches as training."""
EXERCISE = "Learner"
TITLE = "learn.training left True during validation"
EXPLANATION = ("Callbacks use learn.training to tell training batches from validation ones (a recorder logs training "
               "losses only, a scheduler moves only in training). Never set to False, it makes them treat "
               "validation batches as training; set it at the start of each pass (lessons 9-10: the training loop).")


class Learner(Learner):
    def _one_pass(self, training):
        self.training = True
        self.model.train(training)
        batches = self.dls.train if training else self.dls.valid
        self.n_iter = len(batches)
        for self.iter, (self.xb, self.yb) in enumerate(batches):
            self._stage("batch", CancelBatchException, self._one_batch)

    def _one_batch(self):
        self.preds = self.model(self.xb)
        self.callback("after_pred")
        self.loss = self.loss_func(self.preds, self.yb)
        self.callback("after_loss")
        if self.model.training:
            self.loss.backward()
            self.callback("after_backward")
            self.opt.step()
            self.callback("after_step")
            self.opt.zero_grad()
