"""Lessons 8-12: the capstone. Your own framework trains a residual network for real.

`train()` builds a small residual network from this package's own pieces
(`ResBlock` and `Dropout`), and trains it with this package's `Learner`,
`cross_entropy` and `OneCycle` on scikit-learn's handwritten digits: 1,797
grey-scale images of 8x8 pixels, which ship inside scikit-learn (no
download). If your earlier assignments are right, it reaches at least 98%
accuracy on the held-out digits in a few seconds on one CPU core.

The data contract (the tests rely on it):
- `digits()` returns `(x, y)`: x of shape (1797, 1, 8, 8), float32 pixel
  intensities in [0, 1] (scikit-learn's 0-16 divided by 16), y int64 labels;
- the held-out split is the first `N_VALID` = 360 images of the permutation
  `torch.randperm(1797, generator=torch.Generator().manual_seed(0))`, and the
  training split the rest;
- the model returned in `train(...).model` takes such [0, 1] images (it
  normalises them itself) and returns (N, 10) logits.
"""
from functools import partial

import torch
from torch import nn

from .dropout import Dropout
from .learner import Learner
from .loss import cross_entropy
from .resnet import ResBlock
from .schedule import OneCycle

N_VALID = 360


def digits() -> tuple[torch.Tensor, torch.Tensor]:
    """scikit-learn's digits as (x, y): (1797, 1, 8, 8) float32 in [0, 1], and int64 labels."""
    from sklearn.datasets import load_digits

    data = load_digits()
    x = torch.tensor(data.data, dtype=torch.float32).reshape(-1, 1, 8, 8) / 16.0
    return x, torch.tensor(data.target, dtype=torch.int64)


def split() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """(x_train, y_train, x_valid, y_valid), the split of the module's docstring."""
    x, y = digits()
    order = torch.randperm(len(x), generator=torch.Generator().manual_seed(0))
    valid, train = order[:N_VALID], order[N_VALID:]
    return x[train], y[train], x[valid], y[valid]


class Batches:
    """Mini-batches of (x, y), reshuffled every pass when `shuffle`, from a seeded generator."""

    def __init__(self, x, y, batch_size: int, shuffle: bool, seed: int = 0):
        self.x, self.y, self.batch_size, self.shuffle = x, y, batch_size, shuffle
        self.generator = torch.Generator().manual_seed(seed)

    def __len__(self) -> int:
        return (len(self.x) + self.batch_size - 1) // self.batch_size

    def __iter__(self):
        order = torch.randperm(len(self.x), generator=self.generator) if self.shuffle else torch.arange(len(self.x))
        for start in range(0, len(self.x), self.batch_size):
            index = order[start:start + self.batch_size]
            yield self.x[index], self.y[index]


class DataLoaders:
    """The `dls` a Learner wants: `.train` and `.valid` iterables of (xb, yb) with a length."""

    def __init__(self, train, valid):
        self.train, self.valid = train, valid


class Normalize(nn.Module):
    """(x - mean) / std with fixed numbers, so the model takes raw [0, 1] images."""

    def __init__(self, mean: float, std: float):
        super().__init__()
        self.mean, self.std = mean, std

    def forward(self, x):
        return (x - self.mean) / self.std


def train(epochs: int = 8, seed: int = 0, lr: float = 1e-2, batch_size: int = 32) -> Learner:
    """Train a small ResNet on the digits with this package's framework; return the fitted Learner.

    Suggested model: Normalize, then ResBlock(1, 16), ResBlock(16, 32, stride=2),
    ResBlock(32, 64, stride=2), global average pooling, flatten, Dropout(0.1),
    and a Linear(64, 10) head. Train with cross_entropy, AdamW (weight decay
    0.01) and OneCycle(lr) for `epochs` epochs. Seed everything with `seed`
    (torch.manual_seed, and the shuffling), so the same seed gives the same model.

    Args:
        epochs: passes over the training split.
        seed: seed of the initial weights, the dropout masks and the shuffling.
        lr: OneCycle's maximum learning rate.
        batch_size: images per training batch.

    Returns:
        The Learner after `fit(epochs)`; `learn.model` is the trained network.
    """
    raise NotImplementedError("lessons 8-12, assignment 15 capstone: write train")
