"""Callbacks run in the order given, ignoring their order attribute."""
EXERCISE = "Learner"
TITLE = "callbacks run in the order given, ignoring their order attribute"
EXPLANATION = ("Callbacks depend on each other (a recorder reads the lr a scheduler has just set), so each has an "
               "order and they run by ascending order, ties in the order given. sorted(cbs, key=lambda cb: "
               "cb.order), a stable sort, gives exactly that (lessons 9-10: callbacks).")


class Learner(Learner):
    def callback(self, event):
        for cb in self.cbs:
            cb(event)
