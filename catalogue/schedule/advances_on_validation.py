"""before_batch forgets to skip validation batches: they advance (and set) the schedule too."""
EXERCISE = "OneCycle"


class OneCycle(OneCycle):
    def before_batch(self):
        lr, mom = self.values(min(self.step, self.total - 1))
        for group in self.learn.opt.param_groups:
            group["lr"] = lr
            if "betas" in group:
                group["betas"] = (mom, *group["betas"][1:])
            else:
                group["momentum"] = mom
        self.step += 1
