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

    `len(ds)` is N, the number of items (len(x), not x.numel()); `ds[i]` is the pair
    `(x[i], y[i])` for an int i or a 0-d int64 tensor (what a Sampler's batches hold),
    the tensors themselves, dtypes and shapes kept. x and y are kept, never modified.

    Args:
        x: a tensor (N, ...) of inputs, any dtype.
        y: a tensor (N, ...) of targets (int64 class indices or float values).
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

    With n = len(ds) and `order` = torch.arange(n), or, with `shuffle`, a fresh
    torch.randperm(n) drawn from torch's global generator at the start of each pass
    (each `iter()`), a pass yields the 1-D int64 tensors order[0:bs], order[bs:2*bs], ...:
    ceil(n / bs) batches, all of bs indices but the last, which holds the n - (k-1)*bs left
    (never an empty batch; one batch of all n when bs >= n). So torch.manual_seed(s) before
    the passes reproduces them, and two passes draw two permutations.

    Args:
        ds: anything with a length (only len(ds) is used).
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
    """A list of k `(x, y)` pairs -> `(torch.stack(xs), torch.stack(ys))`.

    xs of shape (...) stack to (k, ...), ys to (k, ...), dtypes kept (torch.stack adds the
    batch dimension; torch.cat would join along an existing one). The list is not modified.
    """
    raise NotImplementedError("lesson 9, assignment 05 data: write collate")


class DataLoader:
    """`collate_fn([ds[i] for i in idxs])` for each batch of indices the sampler yields.

    Every pass (each `iter()`) iterates the sampler afresh, so a shuffled sampler's new
    order reaches each epoch; the dataset is indexed one item at a time, and whatever
    collate_fn returns is yielded as it is. `len` is `len(sampler)`.

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
