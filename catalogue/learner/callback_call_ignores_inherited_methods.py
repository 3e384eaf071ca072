"""Callback.__call__ looks the event up in type(self).__dict__, so a method inherited from a parent callback
class is never run."""
EXERCISE = "Callback"
TITLE = "event looked up in type(self).__dict__, which misses inherited methods"
EXPLANATION = ("A class's __dict__ holds only the methods that class defines itself, so a method a callback inherits "
               "from a parent callback class is never found. getattr(self, event, None) follows the inheritance "
               "chain, as Python's attribute lookup does (lesson 9: callbacks).")


class Callback(Callback):
    def __call__(self, event):
        method = type(self).__dict__.get(event)
        return method(self) if method is not None else None
