"""The momentum always goes into group["momentum"]: Adam's betas[0] never changes."""
EXERCISE = "OneCycle"
TITLE = "momentum always written to group['momentum'], never to Adam's betas"
EXPLANATION = ("Adam keeps its momentum in betas[0] and never reads a 'momentum' key, so its momentum stays fixed "
               "while the lr cycles. Set betas[0] where a group has betas, 'momentum' for SGD and 'mom' for the "
               "kit's own optimizers (lesson 11: Adam and one-cycle).")


class OneCycle(OneCycle):
    def before_batch(self):
        if not self.learn.training:
            return
        lr, mom = self.values(self.step)
        for group in self.learn.opt.param_groups:
            group["lr"] = lr
            group["momentum"] = mom
        self.step += 1
