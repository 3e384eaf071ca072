"""The momentum rises and falls with the learning rate instead of against it."""
EXERCISE = "OneCycle"


class OneCycle(OneCycle):
    def values(self, step):
        lr, mom = super().values(step)
        low, high = self.moms[1], self.moms[0]
        return lr, low + high - mom
