"""Only torch's optimizers are scheduled: a group of the kit's own (mom, no betas or momentum) gets a "momentum" key
that nothing reads, and its mom never moves."""
EXERCISE = "OneCycle"
TITLE = "OneCycle ignores the mom of the kit's own optimizers"
EXPLANATION = ("The kit's optimizers keep their momentum in group['mom'], with neither betas nor momentum. Writing "
               "group['momentum'] for them adds a key nothing reads, so their momentum never follows the cycle; set "
               "'mom' where the group has it (lesson 11: one-cycle training and the optimizers).")


class OneCycle(OneCycle):
    def before_batch(self):
        if not self.learn.training:
            return
        lr, mom = self.values(self.step)
        for group in self.learn.opt.param_groups:
            group["lr"] = lr
            if "betas" in group:
                group["betas"] = (mom, *group["betas"][1:])
            else:
                group["momentum"] = mom
        self.step += 1
