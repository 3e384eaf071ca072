"""The Learner keeps the caller's list of callbacks and sorts it in place by order: the caller's list is
reordered behind its back."""
EXERCISE = "Learner"
TITLE = "the caller's list of callbacks sorted in place"
EXPLANATION = ("The list passed as cbs belongs to the caller, who may read it afterwards or give it to another "
               "Learner; sorting it in place reorders it behind their back. Keep a sorted copy: sorted(cbs, key=...) "
               "builds a new list and leaves the caller's as it was (lessons 9-10: callbacks).")


class Learner(Learner):
    def __init__(self, model, dls, loss_func, lr=1e-2, cbs=(), opt_func=torch.optim.SGD):
        super().__init__(model, dls, loss_func, lr, cbs, opt_func)
        self.cbs = cbs if isinstance(cbs, list) else list(cbs)

    def callback(self, event):
        self.cbs.sort(key=lambda cb: cb.order)
        for cb in self.cbs:
            cb(event)
