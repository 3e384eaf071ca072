"""before_batch forgets to skip validation batches: they advance (and set) the schedule too."""
EXERCISE = "OneCycle"
TITLE = "OneCycle sets and advances the schedule on validation batches too"
EXPLANATION = ("The cycle spans the T training batches only, since validation takes no step. A before_batch that "
               "does not return at once when learn.training is False uses up a step at every validation batch, so "
               "the cycle runs ahead and ends early (lesson 11: one-cycle training).")


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
