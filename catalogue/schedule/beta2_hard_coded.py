"""OneCycle writes betas = (mom, 0.99), the lesson's default, instead of keeping the group's own second beta."""
EXERCISE = "OneCycle"
TITLE = "OneCycle writes betas = (mom, 0.99), a hard-coded second beta"
EXPLANATION = ("Only betas[0], Adam's momentum, follows the cycle; betas[1], the decay of the average of squared "
               "gradients, is the group's own setting (torch's default is 0.999). Write (mom, group['betas'][1]) to "
               "keep it (lesson 11: Adam and one-cycle).")


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
