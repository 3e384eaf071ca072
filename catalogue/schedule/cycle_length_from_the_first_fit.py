"""OneCycle counts T once, at the first fit, and keeps it: a second fit of another length gets the wrong cycle."""
EXERCISE = "OneCycle"
TITLE = "OneCycle counts T once, at the first fit, and keeps it"
EXPLANATION = ("Every fit runs its own cycle over its own T = n_epochs * len(dls.train) steps, so T is counted in "
               "before_fit each time. Kept from the first fit, it makes a second fit of another length warm up and "
               "anneal over the wrong number of steps (lesson 11: one-cycle training).")


class OneCycle(OneCycle):
    def before_fit(self):
        if not hasattr(self, "total"):
            self.total = self.learn.n_epochs * len(self.learn.dls.train)
        self.step = 0
