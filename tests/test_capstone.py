"""Assignment 09: the capstone trains a ResNet on the digits with the student's own framework.

The judge holds the held-out labels: it loads the digits itself, independently
of the student's module, and sends them to the probe with the held-out labels
withheld (the sandbox shows no copy of its own: tests/probes/capstone.py); only
predicted labels come back.
"""
from __future__ import annotations

import pytest
import torch

from grader.testing import Mismatch, exercise
from tests.probes import capstone as probe

N_VALID = 360
REQUIRED_ACCURACY = 0.98  # on the 360 held-out digits: at most 7 mistakes
EPOCHS = 8
TRAINING_SECONDS = 300  # a training run takes a few seconds here; a slow machine or framework gets room


def digits() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """scikit-learn's digits as load_digits() gives them (data, target), and the held-out split's indices,
    computed here, not from the student's module."""
    from sklearn.datasets import load_digits

    data = load_digits()
    order = torch.randperm(len(data.target), generator=torch.Generator().manual_seed(0))[:N_VALID]
    return torch.tensor(data.data), torch.tensor(data.target, dtype=torch.int64), order


def held_out() -> tuple[torch.Tensor, torch.Tensor]:
    """The contract's held-out images (as the module's docstring scales them) and their labels."""
    data, target, order = digits()
    return data[order].float().reshape(-1, 1, 8, 8) / 16.0, target[order]


def train_and_predict(impl, seed: int):
    """Train with `seed` on the digits, their held-out labels withheld; the model's answers on the held-out images."""
    data, target, order = digits()
    withheld = target.clone()
    withheld[order] = 0
    x_valid, _ = held_out()
    return impl.run(probe.train_and_predict, EPOCHS, seed, data, withheld, x_valid, timeout=TRAINING_SECONDS)


@pytest.fixture(scope="module")
def trained(impl):
    """One training run with seed 0, shared by the tests that only read its results."""
    return train_and_predict(impl, 0)


@pytest.mark.slow
@exercise("train", points=2, hint="train() must return the package's Learner after learn.fit(epochs)")
def test_train_returns_the_fitted_learner(trained):
    """train(epochs, seed) returns this package's Learner, fitted for `epochs` epochs, whose model gives 10 logits."""
    problems = []
    if (trained["learner_class"], trained["learner_module"]) != ("Learner", "learner"):
        problems.append(f"returned a {trained['learner_module']}.{trained['learner_class']}, not learner.Learner")
    if trained["n_epochs"] != EPOCHS:
        problems.append(f"learn.n_epochs is {trained['n_epochs']}, expected {EPOCHS}")
    if trained["logits_shape"] != [N_VALID, 10]:
        problems.append(f"the model gives logits of shape {trained['logits_shape']}, expected [{N_VALID}, 10]")
    if problems:
        raise Mismatch("; ".join(problems))


@pytest.mark.slow
@exercise("train", points=6, hint="check each piece on its own first (grader check resnet dropout loss learner "
                                  "schedule); then the model, the loss, the optimizer and OneCycle's max_lr")
def test_reaches_98_percent_on_held_out_digits(trained):
    """Your framework's ResNet reaches at least 98% accuracy on the 360 held-out digits."""
    _, y_valid = held_out()
    accuracy = (trained["predictions"] == y_valid).double().mean().item()
    if accuracy < REQUIRED_ACCURACY:
        raise Mismatch(f"held-out accuracy {accuracy:.1%} ({int((trained['predictions'] != y_valid).sum())} of "
                       f"{N_VALID} wrong); at least {REQUIRED_ACCURACY:.0%} expected")


@pytest.mark.slow
@exercise("train", points=2, hint="seed with torch.manual_seed(seed) before building the model, and seed the "
                                  "shuffling too")
def test_same_seed_same_model(impl, trained):
    """Training again with the same seed gives the same model: bit for bit the same held-out logits."""
    again = train_and_predict(impl, 0)
    # Logits, not labels: two different models that both score near 100% can agree on every label.
    differing = int((again["logits"] != trained["logits"]).any(-1).sum())
    if differing:
        raise Mismatch(f"two runs with seed 0 give different logits for {differing} of {N_VALID} held-out digits")
