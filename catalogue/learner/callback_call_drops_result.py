"""Callback.__call__ runs the method but forgets to return its result."""
EXERCISE = "Callback"
TITLE = "Callback.__call__ runs the method but drops its return value"
EXPLANATION = ("cb(event) stands for calling the callback's method named event, so it returns what that method "
               "returns, and None when there is no such method. Without the return, every call gives None and a "
               "caller that reads the result loses it (lesson 9: callbacks).")


class Callback(Callback):
    def __call__(self, event):
        method = getattr(self, event, None)
        if method is not None:
            method()
