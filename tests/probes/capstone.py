"""Probes for the capstone: train with the student's own package, then predict.

The held-out answers never enter the student's process. The sandbox does not show
scikit-learn's bundled data files (HIDDEN_FROM_THE_SANDBOX), and the exercise's
confinement puts a stand-in in place of `sklearn.datasets.load_digits` before the
student's module is imported: it returns the digits the judge sends with each
call, every image, but the held-out images' labels withheld (0). The model's
predictions come back; the judge scores them.
"""
import contextlib

import torch

# Files the sandbox must not show, as (top-level package, folder inside it): where the answers lie.
HIDDEN_FROM_THE_SANDBOX = (("sklearn", "datasets/data"),)
_provided: dict = {}  # the digits the current call brings: {"data": (1797, 64) float64, "target": (1797,) int64}


def _load_digits(*, n_class=10, return_X_y=False, as_frame=False):
    """scikit-learn's `load_digits()` as the grader provides it: the held-out images' labels are 0."""
    from sklearn.utils import Bunch

    if "data" not in _provided:
        raise RuntimeError("the grader provides the digits to train() only")
    data, target = _provided["data"].numpy(), _provided["target"].numpy()
    keep = target < n_class
    data, target = data[keep], target[keep]
    if return_X_y:
        return data, target
    return Bunch(data=data, target=target, images=data.reshape(-1, 8, 8), target_names=list(range(10)),
                 feature_names=[f"pixel_{i}_{j}" for i in range(8) for j in range(8)], frame=None,
                 DESCR="scikit-learn's digits, as the grader provides them (the held-out labels withheld)")


@contextlib.contextmanager
def _digits_from_the_grader():
    import sklearn.datasets

    real = sklearn.datasets.load_digits
    sklearn.datasets.load_digits = _load_digits
    try:
        yield
    finally:
        sklearn.datasets.load_digits = real


def confinement(exercise):
    return _digits_from_the_grader()


def train_and_predict(m, epochs, seed, data, target, x_valid):
    """Run `m.train(epochs, seed)` on the digits given; describe the Learner and return its predictions for x_valid."""
    _provided.update(data=data, target=target)
    try:
        learn = m.train(epochs=epochs, seed=seed)
    finally:
        _provided.clear()
    model = learn.model
    model.eval()
    with torch.no_grad():
        logits = model(x_valid)
    return {
        "learner_class": type(learn).__name__,
        "learner_module": type(learn).__module__.rsplit(".", 1)[-1],
        "n_epochs": getattr(learn, "n_epochs", None),
        "logits_shape": list(logits.shape),
        "predictions": logits.argmax(-1),
        "logits": logits,
    }
