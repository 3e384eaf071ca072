"""Stages wrapped by a decorator whose `finally` covers the body but not before_X: when a callback's
before_X raises (a cancel or an error), after_X never runs, although before_X was fired."""
EXERCISE = "Learner"


def stage(name, cancel):
    def wrap(method):
        def run(self, *args):
            try:
                self.callback(f"before_{name}")
                try:
                    method(self, *args)
                finally:
                    self.callback(f"after_{name}")
            except cancel:
                pass
        return run
    return wrap


class Learner:
    def __init__(self, model, dls, loss_func, lr=1e-2, cbs=(), opt_func=torch.optim.SGD):
        self.model, self.dls, self.loss_func, self.lr, self.opt_func = model, dls, loss_func, lr, opt_func
        self.cbs = list(cbs)
        for cb in self.cbs:
            cb.learn = self

    def callback(self, event):
        for cb in sorted(self.cbs, key=lambda c: c.order):
            cb(event)

    def fit(self, n_epochs):
        self.n_epochs = n_epochs
        self.opt = self.opt_func(self.model.parameters(), lr=self.lr)
        self._fit()

    @stage("fit", CancelFitException)
    def _fit(self):
        for epoch in range(self.n_epochs):
            self.epoch = epoch
            self._epoch()

    @stage("epoch", CancelEpochException)
    def _epoch(self):
        self._pass(True, self.dls.train)
        with torch.no_grad():
            self._pass(False, self.dls.valid)

    def _pass(self, training, batches):
        self.training = training
        self.model.train(training)
        self.n_iter = len(batches)
        for self.iter, batch in enumerate(batches):
            self.xb, self.yb = batch
            self._batch()

    @stage("batch", CancelBatchException)
    def _batch(self):
        self.preds = self.model(self.xb)
        self.callback("after_pred")
        self.loss = self.loss_func(self.preds, self.yb)
        self.callback("after_loss")
        if self.training:
            self.loss.backward()
            self.callback("after_backward")
            self.opt.step()
            self.callback("after_step")
            self.opt.zero_grad()
