"""The shuffled targets are stored in learn.yb (for the loss), so metrics compare predictions with the wrong
targets."""
EXERCISE = "MixUp"
TITLE = "learn.yb replaced by the shuffled targets"
EXPLANATION = ("learn.yb is what metrics and later callbacks compare the predictions with; overwritten with yb[perm], "
               "they judge against other examples' labels. yb[perm] belongs in the loss only: lam * loss_func(preds, "
               "yb) + (1 - lam) * loss_func(preds, yb[perm]) (lesson 12 and fastbook chapter 7: mixup).")


class MixUp(MixUp):
    def after_loss(self):
        learn = self.learn
        if not learn.training:
            return
        yb = learn.yb
        learn.yb = yb[self.perm]
        learn.loss = self.lam * learn.loss_func(learn.preds, yb) + (1 - self.lam) * learn.loss_func(learn.preds,
                                                                                                     learn.yb)
