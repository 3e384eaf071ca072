"""Probes for regularization: the student's LabelSmoothingCrossEntropy called on logits, MixUp driven by a stand-in
learner.

LabelSmoothingCrossEntropy is held in an nn.ModuleDict (so it must be an nn.Module) and called
there; its gradient is autograd's, through the student's forward.

MixUp is driven as the Learner drives callbacks, by a stand-in (`_Learner`) that has just what
a callback reads: model (whose train/eval mode follows the pass), training, xb, yb, preds, loss,
loss_func, epoch, iter, n_iter, n_epochs. Its methods are called directly (`getattr(cb,
event)()`), never through the student's `Callback.__call__`, so MixUp is graded on its own. Per
batch the stand-in fires before_batch, sets preds to the batch's given predictions (a leaf
tensor: a model that ignores its input, so that the loss can be judged apart from the mixed
inputs), fires after_pred, sets loss = loss_func(preds, yb) and fires after_loss; in training it
then takes the gradient of learn.loss with respect to preds and fires after_backward and
after_step; after_batch ends every batch. Validation batches run under torch.no_grad(), as the
Learner runs them. The loss functions are the kit's own (LOSSES, sent by name), never the
student's LabelSmoothingCrossEntropy.
"""
import functools

import torch
import torch.nn.functional as F
from torch import nn

LOSSES = {"cross_entropy": F.cross_entropy,
          "label_smoothing": functools.partial(F.cross_entropy, label_smoothing=0.1),
          "mse": F.mse_loss}


def _plain(value):
    """What the student left somewhere, as plain data: a tensor as a plain detached copy, numbers as they are,
    sequences element by element, anything else as its repr."""
    if isinstance(value, torch.Tensor):
        return torch.Tensor.detach(value).clone().as_subclass(torch.Tensor)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return repr(value)


# --- LabelSmoothingCrossEntropy ------------------------------------------------------------------

def _smoothing(m, eps):
    """LabelSmoothingCrossEntropy(eps) (the default when eps is None), inside an nn.ModuleDict."""
    loss = m.LabelSmoothingCrossEntropy() if eps is None else m.LabelSmoothingCrossEntropy(eps)
    return nn.ModuleDict({"loss": loss})["loss"]


def smoothing_values_and_grads(m, eps, batches, weights):
    """One LabelSmoothingCrossEntropy(eps) called on each (logits, target) in turn.

    Returns per batch [the loss, d(loss * weight)/d logits by autograd (None when the loss is
    not a differentiable tensor)], weight being weights[i] (a 0-d tensor).
    """
    loss_func = _smoothing(m, eps)
    results = []
    for (logits, target), weight in zip(batches, weights):
        with torch.enable_grad():  # the caller may be inside gradcheck's backward pass, where grad mode is off
            leaf = logits.clone().requires_grad_()
            out = loss_func(leaf, target)
            grad = None
            if isinstance(out, torch.Tensor) and out.requires_grad and out.numel() == 1:
                (grad,) = torch.autograd.grad((out * weight).sum(), leaf, allow_unused=True)
        results.append([_plain(out), grad])
    return results


def smoothing_arguments_after(m, eps, logits, target):
    """[logits, target] as they are after LabelSmoothingCrossEntropy(eps)(logits, target) (no gradients)."""
    _smoothing(m, eps)(logits, target)
    return [logits, target]


# --- MixUp ---------------------------------------------------------------------------------------

class _Learner:
    """Just what a callback reads of the Learner."""

    def __init__(self, loss_func):
        self.model = nn.Identity()
        self.loss_func = loss_func
        self.xb = self.yb = self.preds = self.loss = None
        self.training = False
        self.epoch, self.n_epochs, self.iter, self.n_iter = 0, 1, 0, 0


def _fire(cb, event):
    method = getattr(cb, event, None)
    if callable(method):
        method()


def _batch(cb, learn, batch, index, count):
    """One batch's events, as the Learner fires them. Returns what the judge reads."""
    training = batch["training"]
    learn.training, learn.iter, learn.n_iter = training, index, count
    learn.model.train(training)
    xb, yb = batch["xb"], batch["yb"]
    learn.xb, learn.yb, learn.preds, learn.loss = xb, yb, None, None
    record = {"xb": [], "yb": []}

    def seen():
        record["xb"].append(_plain(learn.xb))
        record["yb"].append(_plain(learn.yb))

    _fire(cb, "before_batch")
    seen()
    preds = batch["preds"].clone().requires_grad_(training)
    learn.preds = preds
    _fire(cb, "after_pred")
    seen()
    learn.loss = learn.loss_func(learn.preds, learn.yb)
    _fire(cb, "after_loss")
    seen()
    record["loss"] = _plain(learn.loss)
    record["grad"] = None
    if training:
        loss = learn.loss
        if isinstance(loss, torch.Tensor) and loss.requires_grad and loss.numel() == 1:
            (record["grad"],) = torch.autograd.grad(loss.sum(), preds, allow_unused=True)
        _fire(cb, "after_backward")
        _fire(cb, "after_step")
    _fire(cb, "after_batch")
    seen()
    # The batch the learner handed over, as it is afterwards (mixing in place would change it).
    record["sent"] = [_plain(xb), _plain(yb), _plain(batch["preds"])]
    return record


def mixup(m, alpha, loss_name, batches):
    """One MixUp(alpha) (MixUp() when alpha is None) driven through `batches` in turn by a stand-in learner.

    Each batch is a dict: training (bool), xb, yb, preds (what the stand-in model predicts), and
    seed: where it is not None, torch.manual_seed(seed) runs just before the batch. The loss
    function is LOSSES[loss_name]. Returns per batch {"xb": learn.xb after before_batch,
    after_pred, after_loss and after_batch; "yb": learn.yb at the same four moments; "loss":
    learn.loss after after_loss; "grad": d learn.loss / d preds in training (None when it is not
    differentiable); "sent": [xb, yb, preds] as given, after the batch}.
    """
    cb = m.MixUp() if alpha is None else m.MixUp(alpha)
    learn = _Learner(LOSSES[loss_name])
    cb.learn = learn
    records = []
    for index, batch in enumerate(batches):
        if batch.get("seed") is not None:
            torch.manual_seed(batch["seed"])
        if batch["training"]:
            records.append(_batch(cb, learn, batch, index, len(batches)))
        else:
            with torch.no_grad():
                records.append(_batch(cb, learn, batch, index, len(batches)))
    return records


def mixed_inputs(m, alpha, seed, xb, n_batches):
    """One MixUp(alpha), torch seeded once, then n_batches training batches in a row on copies of the same xb.

    Each batch runs its events as `mixup` does (yb = arange(N), preds zeros, cross entropy).
    Returns the stacked learn.xb right after each before_batch, shape (n_batches, *xb.shape) (a list of what
    learn.xb held where one of them is not a tensor of xb's shape and dtype).
    """
    cb = m.MixUp(alpha)
    learn = _Learner(F.cross_entropy)
    cb.learn = learn
    n = len(xb)
    yb = torch.arange(n)
    preds = torch.zeros(n, n, dtype=xb.dtype)
    learn.training = True
    seen = []
    torch.manual_seed(seed)
    for index in range(n_batches):
        learn.iter, learn.n_iter = index, n_batches
        learn.xb, learn.yb, learn.preds, learn.loss = xb.clone(), yb, None, None
        _fire(cb, "before_batch")
        seen.append(_plain(learn.xb))
        learn.preds = preds.clone().requires_grad_()
        _fire(cb, "after_pred")
        learn.loss = learn.loss_func(learn.preds, learn.yb)
        _fire(cb, "after_loss")
        _fire(cb, "after_backward")
        _fire(cb, "after_step")
        _fire(cb, "after_batch")
    if all(isinstance(t, torch.Tensor) and t.shape == xb.shape and t.dtype == xb.dtype for t in seen):
        return torch.stack(seen)
    return seen
