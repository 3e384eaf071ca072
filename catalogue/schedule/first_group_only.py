"""Only the first parameter group's lr and momentum are set."""
EXERCISE = "OneCycle"
TITLE = "OneCycle sets the first parameter group's lr and momentum only"
EXPLANATION = ("An optimizer may hold several parameter groups (discriminative learning rates, parameters without "
               "weight decay), and the schedule applies to every one. Loop over learn.opt.param_groups: setting "
               "group 0 alone leaves the others where they started (lesson 11: one-cycle training).")


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
