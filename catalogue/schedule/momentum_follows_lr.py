"""The momentum rises and falls with the learning rate instead of against it."""
EXERCISE = "OneCycle"
TITLE = "momentum scheduled with the learning rate instead of against it"
EXPLANATION = ("In one-cycle the momentum moves opposite to the lr: high (0.95) while the lr is low, down to 0.85 at "
               "the peak lr, then back up, so that the largest steps are not pushed further by a large momentum. "
               "Rising and falling with the lr reverses that (lesson 11: one-cycle training).")


class OneCycle(OneCycle):
    def values(self, step):
        lr, mom = super().values(step)
        low, high = self.moms[1], self.moms[0]
        return lr, low + high - mom
