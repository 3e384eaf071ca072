"""The momentum always goes into group["momentum"]: Adam's betas[0] never changes."""
EXERCISE = "OneCycle"


class OneCycle(OneCycle):
    def before_batch(self):
        if not self.learn.training:
            return
        lr, mom = self.values(self.step)
        for group in self.learn.opt.param_groups:
            group["lr"] = lr
            group["momentum"] = mom
        self.step += 1
