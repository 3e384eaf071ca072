"""The inputs are left alone in validation, but after_loss forgets the check and mixes the validation loss with the
last training batch's lam and perm."""
EXERCISE = "MixUp"
TITLE = "validation loss mixed with the last training batch's lam and perm"
EXPLANATION = ("after_loss skips the learn.training check, so a validation batch gets its loss mixed with targets "
               "shuffled by a stale permutation. Validation judges the model on real examples: return early from "
               "before_batch and from after_loss when learn.training is False (lesson 12 and fastbook chapter 7: "
               "mixup).")


class MixUp(MixUp):
    def after_loss(self):
        learn = self.learn
        if not hasattr(self, "perm") or len(self.perm) != len(learn.yb):
            return
        learn.loss = (self.lam * learn.loss_func(learn.preds, learn.yb)
                      + (1 - self.lam) * learn.loss_func(learn.preds, learn.yb[self.perm]))
