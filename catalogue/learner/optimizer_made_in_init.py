"""The optimizer is created in __init__, so a model or lr set afterwards is not what gets trained."""
EXERCISE = "Learner"


class Learner(Learner):
    def __init__(self, model, dls, loss_func, lr=1e-2, cbs=(), opt_func=torch.optim.SGD):
        super().__init__(model, dls, loss_func, lr, cbs, opt_func)
        self.opt = opt_func(model.parameters(), lr=lr)

    def fit(self, n_epochs):
        self.n_epochs = n_epochs
        for cb in self.cbs:
            cb.learn = self
        self._stage("fit", CancelFitException, self._all_epochs)
