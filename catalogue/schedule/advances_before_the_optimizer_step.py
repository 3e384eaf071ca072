"""OneCycle sets step 0 in before_fit and moves on in after_backward, before opt.step() has used the step."""
EXERCISE = "OneCycle"
TITLE = "OneCycle advances its step in after_backward, before opt.step()"
EXPLANATION = ("Training batch i must be stepped with step i of the cycle: set lr and momentum in before_batch, then "
               "advance. Moving on in after_backward sets step i + 1's values before opt.step() uses them, so every "
               "step runs one step of the cycle ahead (lesson 11: one-cycle training).")


class OneCycle(OneCycle):
    def _apply(self):
        lr, mom = self.values(min(self.step, self.total - 1))
        for group in self.learn.opt.param_groups:
            group["lr"] = lr
            if "betas" in group:
                group["betas"] = (mom, *group["betas"][1:])
            else:
                group["momentum"] = mom

    def before_fit(self):
        super().before_fit()
        self._apply()

    def before_batch(self):
        pass

    def after_backward(self):
        if self.learn.training:
            self.step += 1
            self._apply()
