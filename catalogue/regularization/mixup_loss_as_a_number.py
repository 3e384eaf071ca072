"""The mixed loss is assembled from .item() values: right numbers, but nothing to backpropagate."""
EXERCISE = "MixUp"
TITLE = "mixed loss rebuilt from .item() numbers, cut off from autograd"
EXPLANATION = (".item() gives Python floats, so torch.tensor(...) of their mixture has the right value but no "
               "history: backward never reaches the model, which stops learning. Combine the losses as tensors: lam * "
               "loss_func(preds, yb) + (1 - lam) * loss_func(preds, yb[perm]) (lesson 12 and fastbook chapter 7: "
               "mixup).")


class MixUp(MixUp):
    def after_loss(self):
        learn = self.learn
        if not learn.training:
            return
        first = learn.loss_func(learn.preds, learn.yb).item()
        second = learn.loss_func(learn.preds, learn.yb[self.perm]).item()
        learn.loss = torch.tensor(self.lam * first + (1 - self.lam) * second, dtype=learn.preds.dtype)
