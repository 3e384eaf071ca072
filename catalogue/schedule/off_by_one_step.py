"""The step counter advances before the lr is computed: batch i gets step i + 1's learning rate."""
EXERCISE = "OneCycle"
TITLE = "OneCycle advances its step before computing the lr"
EXPLANATION = ("Training batch i (from 0) gets step i of the cycle, so the first batch starts at max_lr / div. "
               "Advancing first gives batch i step i + 1's values and skips the start of the cycle: compute, set, "
               "then advance (lesson 11: one-cycle training).")


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
