"""Callback.__call__ calls getattr(self, event)() unguarded: an event the callback lacks raises AttributeError."""
EXERCISE = "Callback"


class Callback(Callback):
    def __call__(self, event):
        return getattr(self, event)()
