"""Lessons 8-12: the capstone. Your own framework trains a residual network for real, on MNIST-1D.

MNIST-1D (Greydanus, "Scaling down deep learning", 2020) is a small benchmark
built to tell architectures apart: each example is a sequence of 40 numbers, one
of ten digit-like templates padded, shifted, scaled, sheared and blurred, with
noise. A linear classifier gets about 32%, an MLP 68%, the paper's CNN 94%, its
GRU 91%, and people 96%. `train()` builds a residual network from this package's
own pieces and trains it with this package's framework:

- the data: `mnist1d.data.make_dataset(get_dataset_args())`, generated offline
  and deterministically (about 2 s): 4,000 training and 1,000 test sequences.
  Never call mnist1d's `get_dataset`: it downloads, and writes a file where it
  runs;
- `Dataset`, `Sampler`, `DataLoader`, `DataLoaders` (data.py) to batch them;
- a model of `ResBlock`s (resnet.py) and `Dropout` (dropout.py) in torch's
  containers; a sequence (N, 40) is an image of one row: (N, 1, 1, 40);
- `Learner` (learner.py) with `cross_entropy` (loss.py) or
  `LabelSmoothingCrossEntropy` (regularization.py), `adam_opt` (optimizer.py)
  and `OneCycle` (schedule.py).

If your earlier assignments are right, it reaches at least 95% on the 1,000 test
sequences (the grader asks for 95%: above the paper's CNN) in about ten seconds
on one CPU core.

The contract (the tests rely on it):
- `train(epochs, seed)` returns the Learner after `fit(epochs)`; `learn.model`
  takes (N, 40) float32 sequences and returns (N, 10) logits;
- the same seed gives the same model (seed torch with it: the weights, the
  dropout masks and the shuffling all come from torch's generator);
- train on the 4,000 training sequences only: the 1,000 test sequences are for
  validation, and the grader withholds their labels (it gives `train` the data
  with `y_test` all 0 and scores the predictions itself).
"""
import torch
from mnist1d.data import get_dataset_args, make_dataset
from torch import nn

from .data import DataLoader, DataLoaders, Dataset, Sampler
from .dropout import Dropout
from .learner import Learner
from .loss import cross_entropy
from .optimizer import adam_opt
from .resnet import ResBlock
from .schedule import OneCycle


def mnist1d() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """(x, y, x_test, y_test): (4000, 40) and (1000, 40) float32 sequences, their int64 labels."""
    data = make_dataset(get_dataset_args())
    x, x_test = (torch.as_tensor(data[key], dtype=torch.float32) for key in ("x", "x_test"))
    y, y_test = (torch.as_tensor(data[key], dtype=torch.int64) for key in ("y", "y_test"))
    return x, y, x_test, y_test


class AsImage(nn.Module):
    """(N, L) sequences -> (N, 1, 1, L) images of one row, what ResBlock's 2-d convolutions take."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.reshape(len(x), 1, 1, -1)


def train(epochs: int = 8, seed: int = 0, lr: float = 1e-2, batch_size: int = 64) -> Learner:
    """Train a small ResNet on MNIST-1D with this package's framework; return the fitted Learner.

    Suggested model: AsImage, then ResBlock(1, 16), ResBlock(16, 16),
    ResBlock(16, 32, stride=2), ResBlock(32, 32), ResBlock(32, 64, stride=2),
    ResBlock(64, 64), global average pooling, flatten, Dropout(0.1) and a
    Linear(64, 10) head; cross_entropy, adam_opt(wd=0.01) and OneCycle(lr), batches
    of `batch_size`, shuffled. Seed torch with `seed` first.

    Args:
        epochs: passes over the 4,000 training sequences.
        seed: seed of the initial weights, the dropout masks and the shuffling.
        lr: OneCycle's maximum learning rate.
        batch_size: sequences per training batch.

    Returns:
        The Learner after `fit(epochs)`; `learn.model` is the trained network.
    """
    raise NotImplementedError("lessons 8-12, assignment 15 capstone: write train")
