"""OneCycle counts T = n_epochs and advances once per epoch: every batch of an epoch gets the same lr."""
EXERCISE = "OneCycle"


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
