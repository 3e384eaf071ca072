"""Callback.__call__ runs getattr(self, event)() inside try/except AttributeError: an AttributeError raised
inside the method itself (a typo in the callback) is taken for a missing method and hidden."""
EXERCISE = "Callback"
TITLE = "AttributeError raised inside the callback's method swallowed"
EXPLANATION = ("A try/except AttributeError around the call takes a bug inside the method (reading "
               "self.learn.recorder on a learner without one) for a missing method, and hides it. Look the method up "
               "with getattr(self, event, None) and call it outside any try, so that its errors reach the caller "
               "(lesson 9: callbacks).")


class Callback(Callback):
    def __call__(self, event):
        try:
            return getattr(self, event)()
        except AttributeError:
            return None
