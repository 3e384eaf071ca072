"""Lessons 9-10: a Learner with callbacks.

The training loop is always the same: for each epoch, a training pass and a
validation pass over batches; for each batch, predict, compute the loss and,
in training, backpropagate, step and zero the gradients. Everything else
(schedules, progress bars, recorders, early stopping, mixed precision...) is
a callback: an object whose methods, named after events, the Learner calls
at the right moments. A callback reads and may replace the Learner's state
through `self.learn`, and stops work early by raising a Cancel exception.

Events, in order:

    before_fit
      per epoch:  before_epoch
        per batch (training pass, then validation pass):
          before_batch, after_pred, after_loss,
          after_backward, after_step            (training only)
          after_batch
      after_epoch
    after_fit

- `fit(n_epochs)` first creates the optimizer, `opt_func(learn.model.parameters(),
  lr=learn.lr)`, anew at every fit (so a model or lr set after construction, or
  between two fits, is used, and no optimizer state outlives its fit), sets
  `learn.n_epochs`, then fires before_fit. Each fit counts its epochs from 0.
- The training pass runs with `model.train()`; the validation pass with
  `model.eval()` under `torch.no_grad()` (train() and eval() set every child
  module's mode, not only the model's own flag). A training batch runs
  `loss.backward()`, after_backward, `opt.step()`, after_step, then
  `opt.zero_grad()`: the gradients are there at after_backward and after_step,
  and zero (or None) at every other event.
- CancelBatchException skips the rest of the batch, CancelEpochException the
  rest of the epoch (its remaining batches and its validation pass),
  CancelFitException the rest of the fit. Each is caught at its own level only.
- Every after_X event runs once its before_X has run, whatever ended that
  stage: a cancel of any level, or an error on its way out.
- State a callback reads and may replace: learn.model, learn.opt, learn.xb,
  learn.yb, learn.preds, learn.loss; and reads: learn.epoch, learn.n_epochs,
  learn.iter (batch index in the pass), learn.n_iter (batches in the pass),
  learn.training.
- Callbacks run in ascending `order` (default 0), ties in the order given; the
  list the caller gave is left as it was.
- An error raised inside a callback's method is the callback's: it leaves `fit`
  (after the pending after_ events), never swallowed. A callback's methods may be
  inherited from a base class.

Below the exercises, ready-made callbacks: ProgressCallback, Recorder, LRFinder.
"""
import math
import sys

import torch


class CancelFitException(Exception):
    """Raised by a callback to end the whole fit."""


class CancelEpochException(Exception):
    """Raised by a callback to skip the rest of the epoch."""


class CancelBatchException(Exception):
    """Raised by a callback to skip the rest of the batch."""


class Callback:
    """Base class of callbacks: define methods named after events (`before_fit`, `after_batch`, ...)."""

    order = 0
    learn = None

    def __call__(self, event: str):
        """Run this callback's method named `event`, if it has one (its own or inherited), and return its result
        (else None). An error raised inside the method leaves this call."""
        raise NotImplementedError("lessons 9-10, assignment 06 learner: write Callback.__call__")


class Learner:
    """Train `model` on `dls.train`, validate on `dls.valid`, with callbacks.

    Args:
        model: a torch.nn.Module.
        dls: an object with `.train` and `.valid`, iterables of (xb, yb) with a length.
        loss_func: loss_func(preds, yb) -> scalar tensor.
        lr: learning rate given to `opt_func`.
        cbs: callbacks; each gets `cb.learn = self`.
        opt_func: opt_func(params, lr=lr) -> a torch optimizer.

    Attributes a callback reads (and may replace, for the first six) while `fit` runs:
        model, opt: the model and the optimizer `fit` made for it.
        xb, yb: the current batch.
        preds, loss: `model(xb)` and `loss_func(preds, yb)` of the current batch.
        epoch, n_epochs: the current epoch (from 0) and the number of epochs of the fit.
        iter, n_iter: the batch's index in the current pass (from 0 in each pass) and the pass's length.
        training: True in the training pass, False in the validation pass.
    """

    def __init__(self, model, dls, loss_func, lr=1e-2, cbs=(), opt_func=torch.optim.SGD):
        raise NotImplementedError("lessons 9-10, assignment 06 learner: write Learner.__init__")

    def callback(self, event: str) -> None:
        """Fire `event` on every callback, in ascending `order` (ties in the order given)."""
        raise NotImplementedError("lessons 9-10, assignment 06 learner: write Learner.callback")

    def fit(self, n_epochs: int) -> None:
        """Create the optimizer, then train and validate for `n_epochs` epochs, firing every event.

        Args:
            n_epochs: number of epochs (0 fires only before_fit and after_fit).

        Raises:
            Whatever a callback (or the model, or the loss) raises, other than the Cancel exceptions, once
            every pending after_batch, after_epoch and after_fit has run.
        """
        raise NotImplementedError("lessons 9-10, assignment 06 learner: write Learner.fit")

    def _stage(self, name: str, cancel: type, body) -> None:
        """Fire before_<name>, run body(), and fire after_<name> whatever happens; swallow only `cancel`."""
        raise NotImplementedError("lessons 9-10, assignment 06 learner: write Learner._stage")

    def _all_epochs(self) -> None:
        """Each epoch (setting learn.epoch) as an "epoch" stage that CancelEpochException can end."""
        raise NotImplementedError("lessons 9-10, assignment 06 learner: write Learner._all_epochs")

    def _one_epoch(self) -> None:
        """The training pass, then the validation pass under torch.no_grad()."""
        raise NotImplementedError("lessons 9-10, assignment 06 learner: write Learner._one_epoch")

    def _one_pass(self, training: bool) -> None:
        """Set learn.training, the model's mode and learn.n_iter; run each batch as a "batch" stage."""
        raise NotImplementedError("lessons 9-10, assignment 06 learner: write Learner._one_pass")

    def _one_batch(self) -> None:
        """Predict, compute the loss and, in training, backward, step and zero the gradients."""
        raise NotImplementedError("lessons 9-10, assignment 06 learner: write Learner._one_batch")


# --- ready-made callbacks (not exercises) --------------------------------------------------------

class ProgressCallback(Callback):
    """A tqdm progress bar over the training batches, shown only in a terminal or a notebook."""

    order = 50

    def __init__(self, force: bool = False):
        self.force = force

    def _interactive(self) -> bool:
        if self.force:
            return True
        if "pytest" in sys.modules:  # silent under the test suite
            return False
        return sys.stdout.isatty() or "ipykernel" in sys.modules

    def before_epoch(self):
        self.bar = None
        if self._interactive():
            from tqdm.auto import tqdm
            self.bar = tqdm(total=len(self.learn.dls.train), desc=f"epoch {self.learn.epoch + 1}/{self.learn.n_epochs}",
                            leave=False)

    def after_batch(self):
        if self.bar is not None and self.learn.training:
            self.bar.update(1)
            self.bar.set_postfix(loss=f"{self.learn.loss.item():.4f}")

    def after_epoch(self):
        if self.bar is not None:
            self.bar.close()


class Recorder(Callback):
    """Records every training batch's loss and learning rate, and per epoch the validation loss and metrics.

    Args:
        metrics: functions metric(preds, yb) -> number, averaged over validation batches by batch size.
    """

    order = 40

    def __init__(self, *metrics):
        self.metrics = metrics

    def before_fit(self):
        self.losses, self.lrs, self.valid_losses, self.values = [], [], [], []

    def before_epoch(self):
        self._sums, self._count = [0.0] * (1 + len(self.metrics)), 0

    def after_batch(self):
        if self.learn.training:
            self.losses.append(self.learn.loss.item())
            self.lrs.append(self.learn.opt.param_groups[0]["lr"])
            return
        n = len(self.learn.yb)
        self._count += n
        values = [self.learn.loss.item(), *(float(m(self.learn.preds, self.learn.yb)) for m in self.metrics)]
        self._sums = [s + v * n for s, v in zip(self._sums, values)]

    def after_epoch(self):
        if self._count:
            means = [s / self._count for s in self._sums]
            self.valid_losses.append(means[0])
            self.values.append(means[1:])


class LRFinder(Callback):
    """Grow the learning rate exponentially each batch; stop when the loss diverges; restore the model.

    Args:
        start_lr: first learning rate.
        factor: multiplier per batch.
        max_iters: batches at most.
    """

    order = 10

    def __init__(self, start_lr: float = 1e-6, factor: float = 1.3, max_iters: int = 100):
        self.start_lr, self.factor, self.max_iters = start_lr, factor, max_iters

    def before_fit(self):
        self.lrs, self.losses, self.best = [], [], math.inf
        self.saved = {k: v.clone() for k, v in self.learn.model.state_dict().items()}
        for group in self.learn.opt.param_groups:
            group["lr"] = self.start_lr

    def before_batch(self):
        if not self.learn.training:
            raise CancelEpochException()

    def after_batch(self):
        loss = self.learn.loss.item()
        lr = self.learn.opt.param_groups[0]["lr"]
        self.lrs.append(lr)
        self.losses.append(loss)
        self.best = min(self.best, loss)
        if not math.isfinite(loss) or loss > 3 * self.best or len(self.lrs) >= self.max_iters:
            raise CancelFitException()
        for group in self.learn.opt.param_groups:
            group["lr"] = lr * self.factor

    def after_fit(self):
        self.learn.model.load_state_dict(self.saved)

    def plot(self, path):
        """Save the loss against the learning rate (log scale) to `path` with matplotlib."""
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        figure, axis = plt.subplots(figsize=(5, 3.5))
        axis.plot(self.lrs, self.losses)
        axis.set_xscale("log")
        axis.set_xlabel("learning rate")
        axis.set_ylabel("loss")
        figure.tight_layout()
        figure.savefig(path)
        plt.close(figure)
