"""capstone: a ResNet trained on the digits with the student's own framework.

The judge holds the held-out labels: it loads the digits itself, independently
of the student's module, and sends them to the probe with the held-out labels
withheld (the sandbox shows no copy of its own: tests/probes/capstone.py); only
predicted labels come back.
"""
from __future__ import annotations

import ast

import pytest
import torch

from grader.testing import Mismatch, exercise
from tests.probes import capstone as probe
from tests.source import code_of, words

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
@exercise("train", points=5, hint="check each piece on its own first (grader check resnet dropout loss learner "
                                  "schedule); then the model, the loss, the optimizer and OneCycle's max_lr")
def test_reaches_98_percent_on_held_out_digits(trained):
    """Your framework's ResNet reaches at least 98% accuracy on the 360 held-out digits."""
    _, y_valid = held_out()
    accuracy = (trained["predictions"] == y_valid).double().mean().item()
    if accuracy < REQUIRED_ACCURACY:
        raise Mismatch(f"held-out accuracy {accuracy:.1%} ({int((trained['predictions'] != y_valid).sum())} of "
                       f"{N_VALID} wrong); at least {REQUIRED_ACCURACY:.0%} expected")


@pytest.mark.slow
@exercise("train", points=1, hint="seed with torch.manual_seed(seed) before building the model, and seed the "
                                  "shuffling too")
def test_same_seed_same_model(impl, trained):
    """Training again with the same seed gives the same model: bit for bit the same held-out logits."""
    again = train_and_predict(impl, 0)
    # Logits, not labels: two different models that both score near 100% can agree on every label.
    differing = int((again["logits"] != trained["logits"]).any(-1).sum())
    if differing:
        raise Mismatch(f"two runs with seed 0 give different logits for {differing} of {N_VALID} held-out digits")


@pytest.mark.slow
@exercise("train", points=1, hint="seed with the `seed` argument, torch.manual_seed(seed), not with a constant")
def test_another_seed_another_model(impl, trained):
    """Training with seed 1 gives another model than with seed 0: the seed is the one given, not a constant."""
    other = train_and_predict(impl, 1)
    if bool((other["logits"] == trained["logits"]).all()):
        raise Mismatch("train(seed=1) gives the very logits train(seed=0) gives: the seed argument is not used")


# The package's pieces the capstone is built from (SPEC.md), each from its own module, and torch's own
# versions of them, which would let the capstone pass without the student's framework.
PACKAGE_PIECES = {"ResBlock": "resnet", "Dropout": "dropout", "Learner": "learner", "cross_entropy": "loss",
                  "OneCycle": "schedule"}
TORCH_STAND_INS = {"Dropout", "Dropout1d", "Dropout2d", "dropout", "CrossEntropyLoss", "cross_entropy", "NLLLoss",
                   "nll_loss", "lr_scheduler", "OneCycleLR", "LRScheduler"}
RULE = ("the capstone is built from this package's own pieces: ResBlock, Dropout, Learner, cross_entropy and "
        "OneCycle, imported from the package's modules, not torch's versions of them (nn.Dropout, "
        "F.cross_entropy, nn.CrossEntropyLoss, torch.optim.lr_scheduler)")


@pytest.mark.slow  # with the training tests: a stub is not attempted (they find it), whatever its source says
@exercise("train", points=1, hint="import ResBlock, Dropout, Learner, cross_entropy and OneCycle from this "
                                  "package (from .resnet import ResBlock, ...) and build and train with them",
          rule=RULE)
def test_built_from_the_package_s_own_pieces(impl):
    """train() uses the package's ResBlock, Dropout, Learner, cross_entropy and OneCycle, not torch's versions."""
    tree = ast.parse(impl.source("capstone"))
    if "train" not in {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}:
        raise Mismatch("capstone.py should define train with `def`")
    found = words(code_of(tree, "train"))
    imported = {word for kind, word, _ in found if kind == "import"}
    used = {word for kind, word, _ in found if kind == "name"}
    problems = [f"does not use {piece} from .{module}" for piece, module in PACKAGE_PIECES.items()
                if f".{module}.{piece}" not in imported or piece not in used]
    problems += [f"uses torch's {word} (line {line})" for kind, word, line in found
                 if (kind == "attribute" and word in TORCH_STAND_INS)
                 or (kind == "import" and not word.startswith(".") and word.rsplit(".", 1)[1] in TORCH_STAND_INS)]
    if problems:
        raise Mismatch("train(): " + "; ".join(dict.fromkeys(problems)))
