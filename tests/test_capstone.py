"""capstone: a ResNet trained on MNIST-1D with the student's own framework.

The judge holds the held-out labels: it generates MNIST-1D itself
(`make_dataset(get_dataset_args())`, offline and deterministic), independently of
the student's module, and sends it to the probe with the 1,000 test labels
withheld (the sandbox shows no mnist1d of its own: tests/probes/capstone.py);
only the model's logits on the test sequences come back.
"""
from __future__ import annotations

import ast
import functools

import pytest
import torch

from grader.testing import Mismatch, exercise
from tests.probes import capstone as probe
from tests.source import code_of, words

N_TEST = 1000
REQUIRED_ACCURACY = 0.95  # on the 1,000 test sequences: above the paper's CNN (94%), below people (96%)
EPOCHS = 6  # the contract suggests 8; 6 reach about 98% here
# The seed tests compare one-epoch runs: a seed decides a run from its first batch (the weights, the first
# shuffle, the first dropout masks), and each test run then trains for 6 + 3 epochs instead of 3 x 6.
SEED_EPOCHS = 1
TRAINING_SECONDS = 300  # a training run takes about ten seconds here; a slow machine or framework gets room


@functools.cache
def mnist1d() -> dict[str, torch.Tensor]:
    """MNIST-1D as make_dataset(get_dataset_args()) gives it, generated here, not by the student's module."""
    from mnist1d.data import get_dataset_args, make_dataset

    data = make_dataset(get_dataset_args())
    return {key: torch.as_tensor(data[key]) for key in ("x", "y", "x_test", "y_test")}


def train_and_predict(impl, seed: int, epochs: int = EPOCHS):
    """Train with `seed` on MNIST-1D, the test labels withheld; the model's logits on the test sequences."""
    data = mnist1d()
    withheld = torch.zeros_like(data["y_test"])
    return impl.run(probe.train_and_predict, epochs, seed, data["x"], data["y"], data["x_test"], withheld,
                    data["x_test"].float(), timeout=TRAINING_SECONDS)


@pytest.fixture(scope="module")
def trained(impl):
    """One training run with seed 0, shared by the tests that only read its results."""
    return train_and_predict(impl, 0)


@pytest.fixture(scope="module")
def short_run(impl):
    """A one-epoch run with seed 0, which the seed tests train again, with the same seed and with another."""
    return train_and_predict(impl, 0, SEED_EPOCHS)


@pytest.mark.slow
@exercise("train", points=2, hint="train() must return the package's Learner after learn.fit(epochs)")
def test_train_returns_the_fitted_learner(trained):
    """train(epochs, seed) returns this package's Learner, fitted for `epochs` epochs, whose model gives 10 logits."""
    problems = []
    if (trained["learner_class"], trained["learner_module"]) != ("Learner", "learner"):
        problems.append(f"returned a {trained['learner_module']}.{trained['learner_class']}, not learner.Learner")
    if trained["n_epochs"] != EPOCHS:
        problems.append(f"learn.n_epochs is {trained['n_epochs']}, expected {EPOCHS}")
    if trained["logits_shape"] != [N_TEST, 10]:
        problems.append(f"the model gives logits of shape {trained['logits_shape']}, expected [{N_TEST}, 10]")
    if problems:
        raise Mismatch("; ".join(problems))


@pytest.mark.slow
@exercise("train", points=5, hint="check each piece on its own first (grader check data loss learner optimizer "
                                  "schedule); then the model, the loss, the optimizer and OneCycle's max_lr")
def test_reaches_95_percent_on_the_test_sequences(trained):
    """Your framework's ResNet reaches at least 95% accuracy on MNIST-1D's 1,000 test sequences."""
    y_test = mnist1d()["y_test"]
    accuracy = (trained["predictions"] == y_test).double().mean().item()
    if accuracy < REQUIRED_ACCURACY:
        raise Mismatch(f"test accuracy {accuracy:.1%} ({int((trained['predictions'] != y_test).sum())} of "
                       f"{N_TEST} wrong); at least {REQUIRED_ACCURACY:.0%} expected (the paper's CNN: 94%)")


@pytest.mark.slow
@exercise("train", points=1, hint="seed with torch.manual_seed(seed) before building the model, and seed the "
                                  "shuffling too")
def test_same_seed_same_model(impl, short_run):
    """Training again with the same seed gives the same model: bit for bit the same held-out logits."""
    again = train_and_predict(impl, 0, SEED_EPOCHS)
    # Logits, not labels: two different models that agree on every label can still differ.
    differing = int((again["logits"] != short_run["logits"]).any(-1).sum())
    if differing:
        raise Mismatch(f"two runs of train({SEED_EPOCHS}, seed=0) give different logits for {differing} of {N_TEST} "
                       "test sequences")


@pytest.mark.slow
@exercise("train", points=1, hint="seed with the `seed` argument, torch.manual_seed(seed), not with a constant")
def test_another_seed_another_model(impl, short_run):
    """Training with seed 1 gives another model than with seed 0: the seed is the one given, not a constant."""
    other = train_and_predict(impl, 1, SEED_EPOCHS)
    if bool((other["logits"] == short_run["logits"]).all()):
        raise Mismatch(f"train({SEED_EPOCHS}, seed=1) gives the very logits train({SEED_EPOCHS}, seed=0) gives: "
                       "the seed argument is not used")


# The package's pieces the capstone is built from (SPEC.md), each from its own module (one of the two losses),
# and torch's own versions of them, which would let the capstone pass without the student's framework.
PACKAGE_PIECES = {"ResBlock": "resnet", "Dropout": "dropout", "Learner": "learner", "DataLoader": "data",
                  "adam_opt": "optimizer", "OneCycle": "schedule"}
LOSSES = {"cross_entropy": "loss", "LabelSmoothingCrossEntropy": "regularization"}
TORCH_STAND_INS = {"Dropout", "Dropout1d", "Dropout2d", "dropout", "CrossEntropyLoss", "cross_entropy", "NLLLoss",
                   "nll_loss", "lr_scheduler", "OneCycleLR", "LRScheduler", "Adam", "AdamW", "SGD", "DataLoader",
                   "TensorDataset"}
RULE = ("the capstone is built from this package's own pieces: ResBlock, Dropout, Learner, DataLoader, adam_opt, "
        "OneCycle and cross_entropy or LabelSmoothingCrossEntropy, imported from the package's modules, not torch's "
        "versions of them (nn.Dropout, F.cross_entropy, torch.optim, torch.utils.data.DataLoader, lr_scheduler)")


@pytest.mark.slow  # with the training tests: a stub is not attempted (they find it), whatever its source says
@exercise("train", points=1, hint="import ResBlock, Dropout, Learner, DataLoader, adam_opt, OneCycle and a loss "
                                  "from this package (from .resnet import ResBlock, ...) and build and train with them",
          rule=RULE)
def test_built_from_the_package_s_own_pieces(impl):
    """train() uses the package's ResBlock, Dropout, Learner, DataLoader, adam_opt, OneCycle and loss, not torch's."""
    tree = ast.parse(impl.source("capstone"))
    if "train" not in {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}:
        raise Mismatch("capstone.py should define train with `def`")
    found = words(code_of(tree, "train"))
    imported = {word for kind, word, _ in found if kind == "import"}
    used = {word for kind, word, _ in found if kind == "name"}
    def uses(piece: str, module: str) -> bool:
        return f".{module}.{piece}" in imported and piece in used

    problems = [f"does not use {piece} from .{module}" for piece, module in PACKAGE_PIECES.items()
                if not uses(piece, module)]
    if not any(uses(loss, module) for loss, module in LOSSES.items()):
        problems.append("uses neither cross_entropy from .loss nor LabelSmoothingCrossEntropy from .regularization")
    problems += [f"uses torch's {word} (line {line})" for kind, word, line in found
                 if (kind == "attribute" and word in TORCH_STAND_INS)
                 or (kind == "import" and not word.startswith(".") and word.rsplit(".", 1)[1] in TORCH_STAND_INS)]
    if problems:
        raise Mismatch("train(): " + "; ".join(dict.fromkeys(problems)))
