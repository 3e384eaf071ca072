"""OneCycle writes betas = (mom, 0.99), the lesson's default, instead of keeping the group's own second beta."""
EXERCISE = "OneCycle"


class OneCycle(OneCycle):
    def before_batch(self):
        if not self.learn.training:
            return
        lr, mom = self.values(self.step)
        for group in self.learn.opt.param_groups:
            group["lr"] = lr
            if "betas" in group:
                group["betas"] = (mom, 0.99)
            else:
                group["momentum"] = mom
        self.step += 1
