"""Learner.callback calls getattr(cb, event)() inside try/except AttributeError, to skip callbacks without the
method: an AttributeError raised inside a callback's own method is swallowed too, and fit goes on."""
EXERCISE = "Learner"


class Learner(Learner):
    def callback(self, event):
        for cb in sorted(self.cbs, key=lambda c: c.order):
            try:
                getattr(cb, event)()
            except AttributeError:
                pass
