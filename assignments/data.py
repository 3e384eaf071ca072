"""Lesson 9: Dataset, Sampler, collate and DataLoader, the pipeline that feeds a Learner its batches.

A `Dataset` pairs inputs with targets: `ds[i] == (x[i], y[i])`. A `Sampler`
decides which indices make each batch: `range(len(ds))` cut into batches of at
most `bs`, every index exactly once per pass, in order, or, with `shuffle`, in
the order of a fresh `torch.randperm(len(ds))` drawn at the start of every pass
(from torch's global generator, so `torch.manual_seed` reproduces it; a new
order every epoch is the point). `collate` stacks a list of `(x, y)` pairs into
one batch `(xb, yb)`. A `DataLoader` puts them together:

    for idxs in sampler:
        yield collate_fn([ds[i] for i in idxs])

Unshuffled, its batches are `torch.utils.data.DataLoader(ds, batch_size=bs)`'s,
the last one partial when bs does not divide len(ds). `DataLoaders(train,
valid)` holds the two a `Learner` takes (`dls.train`, `dls.valid`).
"""
import torch


class Dataset:
    """Inputs `x` and targets `y` of the same length, indexed together.

    Args:
        x: a tensor (N, ...) of inputs.
        y: a tensor (N, ...) of targets.
    """

    def __init__(self, x: torch.Tensor, y: torch.Tensor):
        raise NotImplementedError("lesson 9, assignment 05 data: write Dataset.__init__")

    def __len__(self) -> int:
        raise NotImplementedError("lesson 9, assignment 05 data: write Dataset.__len__")

    def __getitem__(self, i):
        """`(x[i], y[i])`."""
        raise NotImplementedError("lesson 9, assignment 05 data: write Dataset.__getitem__")


class Sampler:
    """The indices of each batch: int64 tensors of at most `bs`, covering range(len(ds)) once per pass.

    Args:
        ds: anything with a length.
        bs: the batch size (the last batch of a pass may be smaller).
        shuffle: in the order of a fresh torch.randperm(len(ds)) each pass, instead of 0, 1, 2, ...
    """

    def __init__(self, ds, bs: int, shuffle: bool = False):
        raise NotImplementedError("lesson 9, assignment 05 data: write Sampler.__init__")

    def __iter__(self):
        raise NotImplementedError("lesson 9, assignment 05 data: write Sampler.__iter__")

    def __len__(self) -> int:
        """The number of batches in a pass: ceil(len(ds) / bs)."""
        raise NotImplementedError("lesson 9, assignment 05 data: write Sampler.__len__")


def collate(batch: list) -> tuple:
    """A list of `(x, y)` pairs -> `(torch.stack(xs), torch.stack(ys))`."""
    raise NotImplementedError("lesson 9, assignment 05 data: write collate")


class DataLoader:
    """`collate_fn([ds[i] for i in idxs])` for each batch of indices the sampler yields.

    Args:
        ds: a dataset (`ds[i]`).
        sampler: an iterable of index batches with a length.
        collate_fn: turns a list of items into one batch.
    """

    def __init__(self, ds, sampler, collate_fn=collate):
        raise NotImplementedError("lesson 9, assignment 05 data: write DataLoader.__init__")

    def __iter__(self):
        raise NotImplementedError("lesson 9, assignment 05 data: write DataLoader.__iter__")

    def __len__(self) -> int:
        """The sampler's length: batches per pass."""
        raise NotImplementedError("lesson 9, assignment 05 data: write DataLoader.__len__")


class DataLoaders:
    """The training and validation loaders a Learner takes.

    Args:
        train: the training DataLoader.
        valid: the validation DataLoader.
    """

    def __init__(self, train, valid):
        raise NotImplementedError("lesson 9, assignment 05 data: write DataLoaders.__init__")
