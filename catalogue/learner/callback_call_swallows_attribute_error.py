"""Callback.__call__ runs getattr(self, event)() inside try/except AttributeError: an AttributeError raised
inside the method itself (a typo in the callback) is taken for a missing method and hidden."""
EXERCISE = "Callback"


class Callback(Callback):
    def __call__(self, event):
        try:
            return getattr(self, event)()
        except AttributeError:
            return None
