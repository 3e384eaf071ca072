"""Only the first parameter group's lr and momentum are set."""
EXERCISE = "OneCycle"


class OneCycle(OneCycle):
    def before_batch(self):
        if not self.learn.training:
            return
        lr, mom = self.values(self.step)
        group = self.learn.opt.param_groups[0]
        group["lr"] = lr
        if "betas" in group:
            group["betas"] = (mom, *group["betas"][1:])
        else:
            group["momentum"] = mom
        self.step += 1
