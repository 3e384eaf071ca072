"""Callback.__call__ calls getattr(self, event)() unguarded: an event the callback lacks raises AttributeError."""
EXERCISE = "Callback"
TITLE = "getattr(self, event)() with no default for events the callback lacks"
EXPLANATION = ("A callback defines only the events it cares about; every other event must do nothing and give None. "
               "getattr(self, event) without a default raises AttributeError for each missing method: look it up "
               "with getattr(self, event, None) and call it only when it is there (lesson 9: callbacks).")


class Callback(Callback):
    def __call__(self, event):
        return getattr(self, event)()
