"""opt.zero_grad() between backward and step: every step uses zero gradients."""
EXERCISE = "Learner"
TITLE = "opt.zero_grad() between loss.backward() and opt.step()"
EXPLANATION = ("opt.step() moves the parameters by their .grad, so zeroing before the step leaves it zero gradients "
               "to work with and the batch teaches the model nothing. The order is loss.backward(), opt.step(), then "
               "opt.zero_grad() (lesson 9: the training loop).")


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
