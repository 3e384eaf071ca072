"""OneCycle computing torch's own formula, end + (start - end) / 2 * (cos(pi * pct) + 1), in after_batch order."""
EXERCISE = "OneCycle"


class OneCycle(Callback):
    def __init__(self, max_lr, pct_start=0.25, div=25.0, div_final=1e5, moms=(0.95, 0.85, 0.95)):
        self.max_lr, self.pct_start, self.div, self.div_final, self.moms = max_lr, pct_start, div, div_final, moms

    def before_fit(self):
        self.n = 0
        self.total = self.learn.n_epochs * len(self.learn.dls.train)

    @staticmethod
    def _cos(start, end, pct):
        return end + (start - end) / 2.0 * (math.cos(math.pi * pct) + 1)

    def before_batch(self):
        if not self.learn.training:
            return
        initial = self.max_lr / self.div
        phases = [(self.pct_start * self.total - 1, initial, self.max_lr, self.moms[0], self.moms[1]),
                  (self.total - 1, self.max_lr, initial / self.div_final, self.moms[1], self.moms[2])]
        start = 0.0
        for i, (end, lr0, lr1, m0, m1) in enumerate(phases):
            if self.n <= end or i == 1:
                pct = (self.n - start) / (end - start)
                lr, mom = self._cos(lr0, lr1, pct), self._cos(m0, m1, pct)
                break
            start = end
        for group in self.learn.opt.param_groups:
            group["lr"] = lr
            if "betas" in group:
                group["betas"] = (mom, group["betas"][1])
            else:  # torch's SGD keeps it in "momentum", the kit's own optimizers in "mom"
                group["mom" if "mom" in group and "momentum" not in group else "momentum"] = mom

    def after_batch(self):
        if self.learn.training:
            self.n += 1
