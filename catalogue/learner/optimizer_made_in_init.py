"""The optimizer is created in __init__, so a model or lr set afterwards is not what gets trained."""
EXERCISE = "Learner"
TITLE = "optimizer created in __init__ instead of in fit"
EXPLANATION = ("An optimizer holds the parameters and the lr it was made with. Made in __init__, it steps the "
               "original model with the original lr even after learn.model or learn.lr has changed, and carries its "
               "momentum into later fits; make it at the start of every fit (lessons 9-10: the Learner).")


class Learner(Learner):
    def __init__(self, model, dls, loss_func, lr=1e-2, cbs=(), opt_func=torch.optim.SGD):
        super().__init__(model, dls, loss_func, lr, cbs, opt_func)
        self.opt = opt_func(model.parameters(), lr=lr)

    def fit(self, n_epochs):
        self.n_epochs = n_epochs
        for cb in self.cbs:
            cb.learn = self
        self._stage("fit", CancelFitException, self._all_epochs)
