"""OneCycle counts T = n_epochs and advances once per epoch: every batch of an epoch gets the same lr."""
EXERCISE = "OneCycle"
TITLE = "OneCycle counts epochs instead of batches: one lr per epoch"
EXPLANATION = ("OneCycle changes lr and momentum at every training batch, over T = n_epochs * len(dls.train) steps, "
               "as OneCycleLR stepped once per batch does. Counting epochs gives every batch of an epoch the same "
               "values, a staircase instead of a curve (lesson 11: one-cycle training).")


class OneCycle(OneCycle):
    def before_fit(self):
        self.total = self.learn.n_epochs
        self.step = 0

    def before_batch(self):
        if not self.learn.training:
            return
        lr, mom = self.values(self.learn.epoch)
        for group in self.learn.opt.param_groups:
            group["lr"] = lr
            if "betas" in group:
                group["betas"] = (mom, *group["betas"][1:])
            elif "momentum" in group:
                group["momentum"] = mom
