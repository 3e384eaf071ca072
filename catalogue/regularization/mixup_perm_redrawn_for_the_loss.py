"""after_loss draws a new permutation for the targets instead of using the one that mixed the inputs."""
EXERCISE = "MixUp"
TITLE = "new permutation drawn in after_loss for the shuffled targets"
EXPLANATION = ("The targets must be shuffled by the very permutation that mixed the inputs, so each second target "
               "belongs to the example actually mixed in; a fresh randperm pairs the loss with unrelated labels. Keep "
               "perm from before_batch and use yb[self.perm] (lesson 12 and fastbook chapter 7: mixup).")


class MixUp(MixUp):
    def after_loss(self):
        learn = self.learn
        if not learn.training:
            return
        perm = torch.randperm(len(learn.yb))
        learn.loss = (self.lam * learn.loss_func(learn.preds, learn.yb)
                      + (1 - self.lam) * learn.loss_func(learn.preds, learn.yb[perm]))
