"""opt.step() and opt.zero_grad() run together before after_step fires: an after_step callback (gradient
statistics, clipping records) sees zero gradients."""
EXERCISE = "Learner"
TITLE = "opt.zero_grad() run before after_step fires"
EXPLANATION = ("The gradients must still be there for after_step callbacks (statistics, records of the step): the "
               "order is loss.backward(), after_backward, opt.step(), after_step, and only then opt.zero_grad() "
               "(lessons 9-10: the training loop).")


class Learner(Learner):
    def _one_batch(self):
        self.preds = self.model(self.xb)
        self.callback("after_pred")
        self.loss = self.loss_func(self.preds, self.yb)
        self.callback("after_loss")
        if self.training:
            self.loss.backward()
            self.callback("after_backward")
            self.opt.step()
            self.opt.zero_grad()
            self.callback("after_step")
