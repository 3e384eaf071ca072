"""Learner.callback looks the event up in vars(type(cb)), the methods the callback's own class defines: a method
the callback inherits from a parent class is never called."""
EXERCISE = "Learner"
TITLE = "event methods looked up in vars(type(cb)), which misses inherited ones"
EXPLANATION = ("vars(type(cb)) holds only the methods the callback's own class defines, so a callback that inherits "
               "its event methods from a parent class never gets those events. getattr(cb, event, None), or "
               "cb(event), follows the inheritance chain (lessons 9-10: callbacks).")


class Learner(Learner):
    def callback(self, event):
        for cb in sorted(self.cbs, key=lambda c: c.order):
            method = vars(type(cb)).get(event)
            if method is not None:
                method(cb)
