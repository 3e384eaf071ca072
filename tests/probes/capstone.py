"""Probes for the capstone: train with the student's own package, then predict.

The held-out answers never enter the student's process. The sandbox does not show
the mnist1d package (HIDDEN_FROM_THE_SANDBOX), and the exercise's confinement puts
a stand-in `mnist1d.data` in its place before the student's module is imported:
its `make_dataset` returns the data the judge sends with each call, the test
sequences included but their labels withheld (all 0). The model's predictions
come back; the judge scores them.
"""
import contextlib
import sys
import types

import torch

# Files the sandbox must not show, as (top-level package, folder inside it): where the answers lie.
HIDDEN_FROM_THE_SANDBOX = (("mnist1d", ""),)
_provided: dict = {}  # the data set the current call brings: x, y, x_test, y_test (withheld)


def _make_dataset(args=None):
    """mnist1d's `make_dataset`, as the grader provides it: numpy arrays, the test labels all 0."""
    if not _provided:
        raise RuntimeError("the grader provides MNIST-1D to train() only")
    return {key: value.numpy().copy() for key, value in _provided.items()}


def _get_dataset_args(*args, **kwargs):
    """mnist1d's defaults, for the stand-in's make_dataset (which ignores them)."""
    return types.SimpleNamespace(num_samples=5000, train_split=0.8, template_len=12, padding=[36, 60],
                                 scale_coeff=0.4, max_translation=48, corr_noise_scale=0.25, iid_noise_scale=2e-2,
                                 shear_scale=0.75, shuffle_seq=False, final_seq_length=40, seed=42)


@contextlib.contextmanager
def _mnist1d_from_the_grader():
    package = types.ModuleType("mnist1d")
    package.__path__ = []
    data = types.ModuleType("mnist1d.data")
    data.make_dataset, data.get_dataset_args = _make_dataset, _get_dataset_args
    package.data = data
    saved = {name: sys.modules.get(name) for name in ("mnist1d", "mnist1d.data")}
    sys.modules.update({"mnist1d": package, "mnist1d.data": data})
    try:
        yield
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


def confinement(exercise):
    return _mnist1d_from_the_grader()


def train_and_predict(m, epochs, seed, x, y, x_test, y_test, held_out):
    """Run `m.train(epochs, seed)` on the data given; describe the Learner and return its logits for `held_out`."""
    _provided.update(x=x, y=y, x_test=x_test, y_test=y_test)
    try:
        learn = m.train(epochs=epochs, seed=seed)
    finally:
        _provided.clear()
    model = learn.model
    model.eval()
    with torch.no_grad():
        logits = model(held_out)
    return {
        "learner_class": type(learn).__name__,
        "learner_module": type(learn).__module__.rsplit(".", 1)[-1],
        "n_epochs": getattr(learn, "n_epochs", None),
        "logits_shape": list(logits.shape),
        "predictions": logits.argmax(-1),
        "logits": logits,
    }
