"""The final learning rate is max_lr / div_final instead of max_lr / div / div_final."""
EXERCISE = "OneCycle"
TITLE = "final lr max_lr / div_final instead of max_lr / div / div_final"
EXPLANATION = ("OneCycleLR's final_div_factor divides the starting lr, max_lr / div, not max_lr: the cycle ends at "
               "max_lr / div / div_final. Dividing max_lr ends the annealing div times too high (lesson 11: "
               "one-cycle training).")


class OneCycle(OneCycle):
    def values(self, step):
        start_lr = self.max_lr / self.div
        end_lr = self.max_lr / self.div_final
        peak = self.pct_start * self.total - 1
        if step <= peak:
            pos = step / peak
            return sched_cos(start_lr, self.max_lr, pos), sched_cos(self.moms[0], self.moms[1], pos)
        pos = (step - peak) / (self.total - 1 - peak)
        return sched_cos(self.max_lr, end_lr, pos), sched_cos(self.moms[1], self.moms[2], pos)
