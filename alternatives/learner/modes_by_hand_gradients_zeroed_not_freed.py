"""A Learner that sets every module's `training` flag itself (model.modules()), switches gradients with
torch.set_grad_enabled, and zeroes gradients in place (zero_grad(set_to_none=False)) instead of freeing them."""
EXERCISE = "Learner"


class Learner(Learner):
    def _one_epoch(self):
        for training in (True, False):
            with torch.set_grad_enabled(training):
                self._one_pass(training)

    def _one_pass(self, training):
        self.training = training
        for module in self.model.modules():
            module.training = training
        batches = self.dls.train if training else self.dls.valid
        self.n_iter = len(batches)
        for self.iter, (self.xb, self.yb) in enumerate(batches):
            self._stage("batch", CancelBatchException, self._one_batch)

    def _one_batch(self):
        self.preds = self.model(self.xb)
        self.callback("after_pred")
        self.loss = self.loss_func(self.preds, self.yb)
        self.callback("after_loss")
        if not self.training:
            return
        self.loss.backward()
        self.callback("after_backward")
        self.opt.step()
        self.callback("after_step")
        self.opt.zero_grad(set_to_none=False)
