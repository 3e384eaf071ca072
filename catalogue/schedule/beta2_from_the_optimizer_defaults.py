"""OneCycle takes betas[1] from opt.defaults, not from the group: groups made with their own betas lose them."""
EXERCISE = "OneCycle"
TITLE = "OneCycle takes Adam's second beta from opt.defaults, not from the group"
EXPLANATION = ("One-cycle schedules the momentum, which in Adam is betas[0] only; each group keeps its own betas[1], "
               "the decay of the average of squared gradients. Taking betas[1] from opt.defaults overwrites it in a "
               "group made with its own betas; write (mom, group['betas'][1]) (lesson 11: Adam and one-cycle).")


class OneCycle(OneCycle):
    def before_batch(self):
        if not self.learn.training:
            return
        lr, mom = self.values(self.step)
        opt = self.learn.opt
        for group in opt.param_groups:
            group["lr"] = lr
            if "betas" in group:
                group["betas"] = (mom, opt.defaults["betas"][1])
            else:
                group["momentum"] = mom
        self.step += 1
