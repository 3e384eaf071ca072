"""The loss weights are swapped: (1 - lam) on the batch's own targets, lam on the shuffled ones."""
EXERCISE = "MixUp"
TITLE = "loss weights swapped: 1 - lam on yb, lam on yb[perm]"
EXPLANATION = ("The mixed input is lam parts the batch's own examples, so their targets weigh lam in the loss and the "
               "shuffled targets 1 - lam; swapped, the model is trained to name the minor part of each mixture. Use "
               "lam * loss_func(preds, yb) + (1 - lam) * loss_func(preds, yb[perm]) (lesson 12 and fastbook chapter "
               "7: mixup).")


class MixUp(MixUp):
    def after_loss(self):
        learn = self.learn
        if not learn.training:
            return
        learn.loss = ((1 - self.lam) * learn.loss_func(learn.preds, learn.yb)
                      + self.lam * learn.loss_func(learn.preds, learn.yb[self.perm]))
