"""Learner.callback looks the event up in vars(type(cb)), the methods the callback's own class defines: a method
the callback inherits from a parent class is never called."""
EXERCISE = "Learner"


class Learner(Learner):
    def callback(self, event):
        for cb in sorted(self.cbs, key=lambda c: c.order):
            method = vars(type(cb)).get(event)
            if method is not None:
                method(cb)
