"""OneCycle counts T once, at the first fit, and keeps it: a second fit of another length gets the wrong cycle."""
EXERCISE = "OneCycle"


class OneCycle(OneCycle):
    def before_fit(self):
        if not hasattr(self, "total"):
            self.total = self.learn.n_epochs * len(self.learn.dls.train)
        self.step = 0
