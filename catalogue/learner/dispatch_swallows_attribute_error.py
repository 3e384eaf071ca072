"""Learner.callback calls getattr(cb, event)() inside try/except AttributeError, to skip callbacks without the
method: an AttributeError raised inside a callback's own method is swallowed too, and fit goes on."""
EXERCISE = "Learner"
TITLE = "try/except AttributeError around each callback's method in callback()"
EXPLANATION = ("Catching AttributeError to skip callbacks that lack the event also hides an AttributeError raised "
               "inside a callback's own method, a bug that fit then trains through. Look the method up with "
               "getattr(cb, event, None), or call cb(event), and let every error but the cancel exceptions leave fit "
               "(lessons 9-10: callbacks).")


class Learner(Learner):
    def callback(self, event):
        for cb in sorted(self.cbs, key=lambda c: c.order):
            try:
                getattr(cb, event)()
            except AttributeError:
                pass
