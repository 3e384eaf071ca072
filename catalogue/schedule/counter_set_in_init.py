"""OneCycle starts its step counter in __init__: a second fit goes on from where the first one stopped."""
EXERCISE = "OneCycle"
TITLE = "OneCycle's step counter started in __init__, not in before_fit"
EXPLANATION = ("Each fit runs a whole new cycle, so the step counter starts at 0 in before_fit. Set once in "
               "__init__, it makes a second fit go on from the first fit's last step, past the end of its cycle "
               "(lesson 11: one-cycle training).")


class OneCycle(OneCycle):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.step = 0

    def before_fit(self):
        self.total = self.learn.n_epochs * len(self.learn.dls.train)
