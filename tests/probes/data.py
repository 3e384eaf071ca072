"""Probes for data: build the pipeline's pieces, drive each pass, and report every batch as it was yielded.

Each exercise is driven with the kit's own stand-ins for the module's other pieces:
the Sampler gets a plain sized object (it needs nothing but `len(ds)`), the
DataLoader gets the kit's dataset, index sampler and collate functions (also in
place of the module's `collate` as its default `collate_fn`), and DataLoaders gets
plain iterables. Batches are copied the moment they are yielded (an implementation
may reuse a buffer), and every pass is cut off a few batches after the longest
correct one (an endless iterator is reported, not waited for).
"""
import itertools
import operator

import torch


def _keep(value):
    """A judge-side copy of what student code gave: plain tensors (cloned), lists, numbers; anything else as text."""
    if isinstance(value, torch.Tensor):
        return torch.Tensor.as_subclass(value, torch.Tensor).detach().clone()
    if isinstance(value, (list, tuple)):
        return [_keep(item) for item in value]
    if isinstance(value, dict) and all(type(key) is str for key in value):
        return {key: _keep(item) for key, item in value.items()}
    if value is None or type(value) in (bool, int, float, str):
        return value
    if type(value).__module__ == "numpy" and hasattr(value, "item") and getattr(value, "shape", None) == ():
        return value.item()
    if type(value).__module__ == "numpy":
        return value.copy()
    return f"<a {type(value).__name__}: {repr(value)[:80]}>"


def _take(iterable, cap):
    """The items of one pass over `iterable` (a fresh `iter()` of it), copied, at most `cap` of them."""
    return [_keep(item) for item in itertools.islice(iter(iterable), cap)]


# --- Dataset -------------------------------------------------------------------------------------

def dataset_items(m, x, y, x2, y2, indices):
    """Two Datasets, (x, y) and (x2, y2), indexed alternately: ds[i] and ds2[i] for each i of `indices` (ints),
    then ds[torch.tensor(i)] (0-d int64, as a sampler's batch gives them) for each i; and the four tensors after.
    """
    ds, ds2 = m.Dataset(x, y), m.Dataset(x2, y2)
    first, second, by_tensor = [], [], []
    for i in indices:
        first.append(_keep(ds[i]))
        second.append(_keep(ds2[i]))
    for i in indices:
        by_tensor.append(_keep(ds[torch.tensor(i)]))
    return {"items": first, "items2": second, "by_tensor": by_tensor, "after": [x, y, x2, y2]}


def dataset_len(m, x, y):
    """len(Dataset(x, y))."""
    return len(m.Dataset(x, y))


# --- Sampler -------------------------------------------------------------------------------------

class _Sized:
    """The kit's stand-in dataset for a Sampler: a length and nothing else."""

    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


def sampler_passes(m, n, bs, shuffle, seed, passes):
    """Sampler(a sized object of length n, bs[, shuffle=shuffle]) built first, then torch.manual_seed(seed), then
    `passes` passes over it, one after the other, each cut off after n + 2 batches.

    `shuffle` None leaves the argument out (its default).
    """
    ds = _Sized(n)
    sampler = m.Sampler(ds, bs) if shuffle is None else m.Sampler(ds, bs, shuffle=shuffle)
    torch.manual_seed(seed)
    return [_take(sampler, n + 2) for _ in range(passes)]


def sampler_len(m, n, bs, shuffle, seed):
    """len(Sampler(...)) when built, the batches of one pass, then len again."""
    sampler = m.Sampler(_Sized(n), bs, shuffle=shuffle)
    before = len(sampler)
    torch.manual_seed(seed)
    batches = _take(sampler, n + 2)
    return {"before": before, "batches": len(batches), "after": len(sampler)}


# --- collate -------------------------------------------------------------------------------------

def collate(m, batches):
    """collate(batch) for each batch (a list of [x, y] sent as lists, given as tuples), and each batch after."""
    results, after = [], []
    for pairs in batches:
        batch = [tuple(pair) for pair in pairs]
        results.append(_keep(m.collate(batch)))
        after.append(_keep(batch))
    return {"results": results, "after": after}


# --- DataLoader ----------------------------------------------------------------------------------

class _Items:
    """The kit's stand-in dataset for a DataLoader: ds[i] = (x[i], y[i]), one index at a time, each access logged."""

    def __init__(self, x, y):
        self.x, self.y, self.log = x, y, []

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        try:
            j = operator.index(i)
        except TypeError:
            raise TypeError(f"the kit's dataset is indexed one item at a time (ds[i] for i in idxs), "
                            f"got ds[{i!r}]") from None
        self.log.append(j)
        return self.x[j], self.y[j]


class _IndexBatches:
    """The kit's stand-in sampler: pass k yields the index batches passes[k] (int64 tensors); len is `length`.

    It has no `bs` and no dataset: a DataLoader knows only what it iterates and its len.
    """

    def __init__(self, passes, length):
        self.passes, self.length, self.started = passes, length, 0

    def __iter__(self):
        batches = self.passes[min(self.started, len(self.passes) - 1)]
        self.started += 1
        return iter([b.clone() for b in batches])

    def __len__(self):
        return self.length


class _Recording:
    """A collate_fn of the kit's: logs the items it receives, returns {"call": k, "size": len(items)}."""

    def __init__(self):
        self.calls = []

    def __call__(self, items):
        items = list(items)
        self.calls.append(_keep(items))
        return {"call": len(self.calls) - 1, "size": len(items)}


class _Stacking:
    """The kit's collate (torch.stack of each field) in place of the module's, counting its calls."""

    def __init__(self):
        self.calls = 0

    def __call__(self, items):
        self.calls += 1
        xs, ys = zip(*items)
        return torch.stack(xs), torch.stack(ys)


def dataloader_passes(m, x, y, passes, length):
    """DataLoader(the kit's dataset over (x, y), the kit's sampler yielding `passes`, collate_fn=a recording
    collate_fn): len, then one pass per entry of `passes` (each cut off 2 batches after its own length).

    Returns each pass's yields, what the collate_fn received at each call, the indices the dataset was asked for,
    and x, y after.
    """
    ds, sampler, collate_fn = _Items(x, y), _IndexBatches(passes, length), _Recording()
    loader = m.DataLoader(ds, sampler, collate_fn=collate_fn)
    yielded, calls, asked = [], [], []
    for batches in passes:
        collate_fn.calls, ds.log = [], []
        yielded.append(_take(loader, len(batches) + 2))
        calls.append(collate_fn.calls)
        asked.append(ds.log)
    return {"yielded": yielded, "calls": calls, "asked": asked, "after": [x, y]}


def dataloader_len(m, x, y, passes, length):
    """len(DataLoader(the kit's dataset, the kit's sampler of length `length`, collate_fn=the kit's)) before and
    after a pass."""
    loader = m.DataLoader(_Items(x, y), _IndexBatches(passes, length), collate_fn=_Stacking())
    before = len(loader)
    _take(loader, len(passes[0]) + 2)
    return [before, len(loader)]


def _defaults_replaced(function, is_old, new):
    """Replace each default value of `function` for which `is_old(value)` with `new`; return a function undoing it."""
    saved = []
    for attribute in ("__defaults__", "__kwdefaults__"):
        values = getattr(function, attribute, None)
        if not values:
            continue
        if isinstance(values, tuple):
            setattr(function, attribute, tuple(new if is_old(v) else v for v in values))
        else:
            setattr(function, attribute, {k: new if is_old(v) else v for k, v in values.items()})
        saved.append((attribute, values))

    def undo():
        for attribute, values in saved:
            setattr(function, attribute, values)
    return undo


def dataloader_default_collate(m, x, y, passes):
    """DataLoader(the kit's dataset, the kit's sampler) with no collate_fn: the module's `collate` is replaced by the
    kit's (as the module's attribute and as a default value of DataLoader or its __init__) for the duration.

    Returns each pass's batches and how many times the kit's collate was called in each.
    """
    stacking = _Stacking()
    original = getattr(m, "collate", None)

    def is_collate(value):
        """The module's collate, also one the module defined again after DataLoader took it as its default."""
        return value is original or (callable(value) and getattr(value, "__name__", None) == "collate"
                                     and getattr(value, "__module__", None) == m.__name__)

    undo = []
    for function in (m.DataLoader, getattr(m.DataLoader, "__init__", None)):
        if hasattr(function, "__defaults__"):
            undo.append(_defaults_replaced(function, is_collate, stacking))
    m.collate = stacking
    try:
        loader = m.DataLoader(_Items(x, y), _IndexBatches(passes, len(passes[0])))
        yielded, calls = [], []
        for batches in passes:
            stacking.calls = 0
            yielded.append(_take(loader, len(batches) + 2))
            calls.append(stacking.calls)
    finally:
        m.collate = original
        for step in undo:
            step()
    return {"yielded": yielded, "calls": calls}


# --- DataLoaders ---------------------------------------------------------------------------------

class _Loader:
    """A stand-in loader: iterates the batches it was given."""

    def __init__(self, batches):
        self.batches = batches

    def __iter__(self):
        return iter(self.batches)

    def __len__(self):
        return len(self.batches)


def dataloaders(m, pairs):
    """DataLoaders(train, valid) for each [train batches, valid batches] of `pairs` (stand-in loaders), all built
    first; then, for each, the batches of its .train and of its .valid."""
    built = [m.DataLoaders(_Loader(train), _Loader(valid)) for train, valid in pairs]
    return [[_take(dls.train, len(train) + 2), _take(dls.valid, len(valid) + 2)]
            for dls, (train, valid) in zip(built, pairs)]
