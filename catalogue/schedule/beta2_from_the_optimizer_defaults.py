"""OneCycle takes betas[1] from opt.defaults, not from the group: groups made with their own betas lose them."""
EXERCISE = "OneCycle"


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
