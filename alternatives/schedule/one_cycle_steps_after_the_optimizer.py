"""OneCycle in torch's order: the first values in before_fit, each next step's set in after_step, after opt.step()."""
EXERCISE = "OneCycle"


class OneCycle(Callback):
    def __init__(self, max_lr, pct_start=0.25, div=25.0, div_final=1e5, moms=(0.95, 0.85, 0.95)):
        self.max_lr, self.pct_start, self.div, self.div_final, self.moms = max_lr, pct_start, div, div_final, moms

    def _set(self, step):
        total = self.learn.n_epochs * len(self.learn.dls.train)
        peak = self.pct_start * total - 1
        low_lr = self.max_lr / self.div
        if step <= peak:
            frac, lrs, moms = step / peak, (low_lr, self.max_lr), self.moms[:2]
        else:
            frac, lrs, moms = (step - peak) / (total - 1 - peak), (self.max_lr, low_lr / self.div_final), self.moms[1:]
        weight = (1 - math.cos(math.pi * frac)) / 2
        lr, mom = (1 - weight) * lrs[0] + weight * lrs[1], (1 - weight) * moms[0] + weight * moms[1]
        for group in self.learn.opt.param_groups:
            group["lr"] = lr
            if "betas" in group:
                beta1, *rest = group["betas"]
                group["betas"] = (mom, *rest)
            elif "momentum" in group or "mom" not in group:
                group["momentum"] = mom
            else:
                group["mom"] = mom  # the kit's own optimizers

    def before_fit(self):
        self.done = 0
        self._set(0)

    def after_step(self):
        if self.learn.training:
            self.done += 1
            if self.done < self.learn.n_epochs * len(self.learn.dls.train):
                self._set(self.done)
