"""Callbacks run in the order given, ignoring their order attribute."""
EXERCISE = "Learner"


class Learner(Learner):
    def callback(self, event):
        for cb in self.cbs:
            cb(event)
