"""opt.zero_grad() between backward and step: every step uses zero gradients."""
EXERCISE = "Learner"


class Learner(Learner):
    def _one_batch(self):
        self.preds = self.model(self.xb)
        self.callback("after_pred")
        self.loss = self.loss_func(self.preds, self.yb)
        self.callback("after_loss")
        if self.training:
            self.loss.backward()
            self.callback("after_backward")
            self.opt.zero_grad()
            self.opt.step()
            self.callback("after_step")
