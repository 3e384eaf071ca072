"""Both phases annealed linearly instead of with cosines."""
EXERCISE = "OneCycle"
TITLE = "OneCycle's phases annealed along straight lines instead of cosines"
EXPLANATION = ("One-cycle, like OneCycleLR's anneal_strategy='cos', moves lr and momentum along half cosines: flat "
               "at both ends and steepest in the middle, so training lingers near the peak and near the final lr. "
               "Straight lines give other values at every step but the ends of the phases (lesson 11: one-cycle "
               "training).")


class OneCycle(OneCycle):
    def values(self, step):
        start_lr = self.max_lr / self.div
        end_lr = start_lr / self.div_final
        peak = self.pct_start * self.total - 1
        if step <= peak:
            pos = step / peak
            return sched_lin(start_lr, self.max_lr, pos), sched_lin(self.moms[0], self.moms[1], pos)
        pos = (step - peak) / (self.total - 1 - peak)
        return sched_lin(self.max_lr, end_lr, pos), sched_lin(self.moms[1], self.moms[2], pos)
