"""Callback.__call__ runs the method but forgets to return its result."""
EXERCISE = "Callback"


class Callback(Callback):
    def __call__(self, event):
        method = getattr(self, event, None)
        if method is not None:
            method()
