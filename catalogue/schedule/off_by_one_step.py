"""The step counter advances before the lr is computed: batch i gets step i + 1's learning rate."""
EXERCISE = "OneCycle"


class OneCycle(OneCycle):
    def before_batch(self):
        if not self.learn.training:
            return
        self.step += 1
        lr, mom = self.values(min(self.step, self.total - 1))
        for group in self.learn.opt.param_groups:
            group["lr"] = lr
            if "betas" in group:
                group["betas"] = (mom, *group["betas"][1:])
            else:
                group["momentum"] = mom
