"""The shuffled targets are stored in learn.yb (for the loss), so metrics compare predictions with the wrong
targets."""
EXERCISE = "MixUp"


class MixUp(MixUp):
    def after_loss(self):
        learn = self.learn
        if not learn.training:
            return
        yb = learn.yb
        learn.yb = yb[self.perm]
        learn.loss = self.lam * learn.loss_func(learn.preds, yb) + (1 - self.lam) * learn.loss_func(learn.preds,
                                                                                                     learn.yb)
