"""A Learner that calls getattr(cb, event)() itself (no cb(event)) and loops explicitly without helpers."""
EXERCISE = "Learner"


class Learner:
    def __init__(self, model, dls, loss_func, lr=1e-2, cbs=(), opt_func=torch.optim.SGD):
        self.model, self.dls, self.loss_func, self.lr, self.opt_func = model, dls, loss_func, lr, opt_func
        self.cbs = list(cbs)
        for cb in self.cbs:
            cb.learn = self

    def callback(self, name):
        for cb in sorted(self.cbs, key=lambda c: c.order):
            method = getattr(cb, name, None)
            if method is not None:
                method()

    def fit(self, n_epochs):
        self.n_epochs = n_epochs
        self.opt = self.opt_func(self.model.parameters(), lr=self.lr)
        try:
            self.callback("before_fit")
            for self.epoch in range(n_epochs):
                try:
                    self.callback("before_epoch")
                    for training in (True, False):
                        self.training = training
                        self.model.train(training)
                        dl = self.dls.train if training else self.dls.valid
                        self.n_iter = len(dl)
                        with torch.set_grad_enabled(training):
                            for self.iter, (self.xb, self.yb) in enumerate(dl):
                                try:
                                    self.callback("before_batch")
                                    self.preds = self.model(self.xb)
                                    self.callback("after_pred")
                                    self.loss = self.loss_func(self.preds, self.yb)
                                    self.callback("after_loss")
                                    if training:
                                        self.loss.backward()
                                        self.callback("after_backward")
                                        self.opt.step()
                                        self.callback("after_step")
                                        self.opt.zero_grad()
                                except CancelBatchException:
                                    pass
                                finally:
                                    self.callback("after_batch")
                except CancelEpochException:
                    pass
                finally:
                    self.callback("after_epoch")
        except CancelFitException:
            pass
        finally:
            self.callback("after_fit")
