"""The loss weights are swapped: (1 - lam) on the batch's own targets, lam on the shuffled ones."""
EXERCISE = "MixUp"


class MixUp(MixUp):
    def after_loss(self):
        learn = self.learn
        if not learn.training:
            return
        learn.loss = ((1 - self.lam) * learn.loss_func(learn.preds, learn.yb)
                      + self.lam * learn.loss_func(learn.preds, learn.yb[self.perm]))
