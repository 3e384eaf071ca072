"""data: Dataset, Sampler, collate, DataLoader and DataLoaders, judged against torch's own pieces.

Every expectation is computed here: the batches of an unshuffled pass are
`torch.arange(n).split(bs)`; those of a shuffled pass are `torch.randperm(n)`'s,
drawn by the judge from a generator seeded with the seed the probe gives
`torch.manual_seed` (torch's global generator after `manual_seed(s)` draws what
`torch.Generator().manual_seed(s)` draws), one permutation per pass; stacked
batches are `torch.stack`'s; a DataLoader's batches are those of
`torch.utils.data.DataLoader(TensorDataset(x, y), batch_size=bs)`.

Each exercise is graded on its own: the Sampler gets a sized object with nothing
but a length, the DataLoader the kit's dataset, sampler and collate functions (also
in place of the module's `collate` as its default), DataLoaders plain loaders. All
comparisons are exact: nothing here computes, everything is indexed, copied or stacked.
"""
from __future__ import annotations

import math

import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from grader.testing import Mismatch, exercise, expect_close, show
from tests.data_strategies import EDGE_SIZES, MAX_ITEMS, datasets, index_batches, seeds, sizes, values
from tests.probes import data as probe

INDEX_HINT = ("yield each batch's indices as an int64 tensor: slices of torch.arange(n) or torch.randperm(n) are; "
              "a Python list, a numpy array or torch.Tensor(...) (which makes float32) are not")
UNCHANGED_HINT = ("read the tensors, never write to them: no in-place operation (x /= ..., x.sub_(...), "
                  "shuffling x itself) on what the caller gave you")
SECOND_PASS_HINT = ("do the work of a pass inside __iter__ (a generator function with `yield`): an iterator made "
                    "once in __init__ is empty after its first pass, and a list made there repeats the first pass")


def brief(numbers: list, limit: int = 12) -> str:
    """A list of numbers, its middle cut when long."""
    if len(numbers) <= limit:
        return str(numbers)
    return f"[{', '.join(map(str, numbers[:limit // 2]))}, ..., {', '.join(map(str, numbers[-3:]))}] " \
           f"({len(numbers)} in all)"


def expect_list(got, what: str) -> list:
    __tracebackhide__ = True
    if not isinstance(got, list):
        raise Mismatch(f"{what} should be a sequence, got {show(got)}")
    return got


def expect_indices(batch, what: str) -> torch.Tensor:
    """A batch of indices: a 1-D int64 tensor."""
    __tracebackhide__ = True
    if not isinstance(batch, torch.Tensor):
        raise Mismatch(f"{what} should be an int64 tensor of indices, got {show(batch)}", hint=INDEX_HINT)
    if batch.dtype != torch.int64:
        raise Mismatch(f"{what} has dtype {batch.dtype}, expected torch.int64 (indices): {show(batch)}",
                       hint=INDEX_HINT)
    if batch.dim() != 1:
        raise Mismatch(f"{what} has shape {tuple(batch.shape)}, expected a 1-D tensor of indices", hint=INDEX_HINT)
    return batch


def expect_pass(got, expected: list[torch.Tensor], what: str) -> None:
    """One pass of a sampler: exactly the index batches `expected`, in order, each a 1-D int64 tensor."""
    __tracebackhide__ = True
    got = [expect_indices(b, f"{what}, batch {k}") for k, b in enumerate(expect_list(got, what))]
    sizes, wanted = [len(b) for b in got], [len(b) for b in expected]
    if sizes != wanted:
        note = ""
        if 0 in sizes:
            note = " (an empty batch is never yielded)"
        elif len(sizes) == len(wanted) - 1 and sizes == wanted[:-1]:
            note = " (the last, partial batch is missing)"
        raise Mismatch(f"{what} gave {len(sizes)} batches of sizes {brief(sizes)}; expected {len(wanted)} of "
                       f"sizes {brief(wanted)}{note}")
    for k, (b, e) in enumerate(zip(got, expected)):
        if not torch.equal(b, e):
            raise Mismatch(f"{what}, batch {k}: got indices {show(b, 4)}, expected {show(e, 4)}")


def expect_covers(got, n: int, bs: int, what: str) -> None:
    """One pass of a sampler over n items: non-empty int64 batches of at most bs holding each of range(n) once."""
    __tracebackhide__ = True
    got = [expect_indices(b, f"{what}, batch {k}") for k, b in enumerate(expect_list(got, what))]
    for k, b in enumerate(got):
        if not 1 <= len(b) <= bs:
            raise Mismatch(f"{what}, batch {k} holds {len(b)} indices; every batch holds 1 to bs = {bs} "
                           f"(an empty batch is never yielded)")
    every = torch.cat(got) if got else torch.zeros(0, dtype=torch.int64)
    outside = every[(every < 0) | (every >= n)]
    if len(outside):
        raise Mismatch(f"{what} gave indices outside range({n}): {brief(outside.tolist())}")
    counts = torch.bincount(every, minlength=n)
    missing, repeated = (counts == 0).nonzero().flatten(), (counts > 1).nonzero().flatten()
    if len(missing) or len(repeated):
        raise Mismatch(f"{what} over {n} items with bs = {bs} (batch sizes {brief([len(b) for b in got])}) "
                       f"missed indices {brief(missing.tolist())} and gave {brief(repeated.tolist())} more than "
                       f"once; each of range({n}) comes exactly once per pass")


def in_order(n: int, bs: int) -> list[torch.Tensor]:
    return list(torch.arange(n).split(bs))


def shuffled(n: int, bs: int, seed: int, passes: int) -> list[list[torch.Tensor]]:
    """What a correct shuffled sampler yields after torch.manual_seed(seed): a fresh randperm(n) per pass, cut."""
    g = torch.Generator().manual_seed(seed)
    return [list(torch.randperm(n, generator=g).split(bs)) for _ in range(passes)]


def expect_item(item, x: torch.Tensor, y: torch.Tensor, what: str) -> None:
    """`item` is the pair (x, y), exactly: same values, dtype and shape."""
    __tracebackhide__ = True
    if not isinstance(item, list) or len(item) != 2:
        raise Mismatch(f"{what} should be the pair (x[i], y[i]), got {show(item)}")
    expect_close(item[0], x, what=f"{what}[0], the input", atol=0, rtol=0)
    expect_close(item[1], y, what=f"{what}[1], the target", atol=0, rtol=0)


def expect_unchanged(after: list, sent: list, names: list[str], call: str) -> None:
    __tracebackhide__ = True
    for got, tensor, name in zip(after, sent, names):
        try:
            expect_close(got, tensor, what=f"{name} after {call}", atol=0, rtol=0)
        except Mismatch as problem:
            raise Mismatch(str(problem), hint=UNCHANGED_HINT) from None


# --- Dataset -------------------------------------------------------------------------------------

@st.composite
def two_datasets(draw):
    """(x, y, x2, y2): two datasets of the same length, each of its own shapes and dtypes."""
    x, y = draw(datasets())
    return (x, y, *draw(datasets(n=len(x))))


@exercise("Dataset", points=3, hint="keep x and y as they are and return the pair (self.x[i], self.y[i]): the "
                                    "input and the target of item i, together")
@settings(max_examples=30)
@given(tensors=two_datasets(), seed=seeds)
def test_dataset_items_are_x_i_and_y_i(impl, tensors, seed):
    """ds[i] is (x[i], y[i]) for every i (an int, or a 0-d int64 tensor), any shapes and dtypes, two datasets apart."""
    x, y, x2, y2 = tensors
    n = len(x)
    indices = torch.randperm(n, generator=torch.Generator().manual_seed(seed)).tolist()
    got = impl.run(probe.dataset_items, x, y, x2, y2, indices)
    for i, item, item2, by_tensor in zip(indices, got["items"], got["items2"], got["by_tensor"]):
        expect_item(item, x[i], y[i], f"Dataset(x, y)[{i}]")
        expect_item(item2, x2[i], y2[i], f"Dataset(x2, y2)[{i}] (a second dataset, indexed in turn with the first)")
        expect_item(by_tensor, x[i], y[i], f"Dataset(x, y)[torch.tensor({i})]")
    expect_unchanged(got["after"], [x, y, x2, y2], ["x", "y", "x2", "y2"], "indexing every item")


@exercise("Dataset", points=1, hint="the length of a dataset is its number of items, len(x): the size of the first "
                                    "dimension, not x.numel() or x.shape[-1]")
@settings(max_examples=30)
@given(tensors=datasets())
def test_dataset_len_is_the_number_of_items(impl, tensors):
    """len(Dataset(x, y)) is len(x), for inputs of any rank."""
    x, y = tensors
    got = impl.run(probe.dataset_len, x, y)
    if got != len(x):
        raise Mismatch(f"len(Dataset(x, y)) for x of shape {tuple(x.shape)} is {got!r}, expected {len(x)}")


# --- Sampler -------------------------------------------------------------------------------------

@exercise("Sampler", points=3, hint="cut range(n) into consecutive slices [i:i + bs] for i in range(0, n, bs): "
                                    "the last one holds what is left, and no index is skipped or taken twice")
@settings(max_examples=40)
@given(size=sizes(), shuffle=st.sampled_from([None, False]))
def test_sampler_unshuffled_gives_arange_split(impl, size, shuffle):
    """Unshuffled (the default), each pass yields torch.arange(n).split(bs): in order, the last batch partial."""
    n, bs = size
    args = f"Sampler(ds, {bs})" if shuffle is None else f"Sampler(ds, {bs}, shuffle=False)"
    passes = impl.run(probe.sampler_passes, n, bs, shuffle, 0, 2)
    for k, got in enumerate(passes):
        expect_pass(got, in_order(n, bs), f"pass {k + 1} of {args} with len(ds) = {n}")


@exercise("Sampler", points=2, hint="every index of range(len(ds)) once per pass: slices that neither overlap nor "
                                    "leave a gap, and the partial batch at the end kept")
@settings(max_examples=40)
@given(size=sizes(), shuffle=st.booleans(), seed=seeds)
def test_sampler_covers_every_index_once_per_pass(impl, size, shuffle, seed):
    """Shuffled or not, every pass holds each of range(n) exactly once, in non-empty batches of at most bs."""
    n, bs = size
    passes = impl.run(probe.sampler_passes, n, bs, shuffle, seed, 2)
    for k, got in enumerate(passes):
        expect_covers(got, n, bs, f"pass {k + 1} of Sampler(ds, {bs}, shuffle={shuffle}) with len(ds) = {n}")


@exercise("Sampler", points=3, hint="at the start of every pass draw order = torch.randperm(len(ds)) from torch's "
                                    "global generator (not random.shuffle or numpy, which torch.manual_seed does not "
                                    "seed), then yield order[i:i + bs]")
@settings(max_examples=40)
@given(size=sizes(), seed=seeds)
def test_sampler_shuffled_follows_torch_randperm(impl, size, seed):
    """With shuffle, after torch.manual_seed(s) pass k yields the k-th torch.randperm(n) drawn after it, split by bs."""
    n, bs = size
    passes = impl.run(probe.sampler_passes, n, bs, True, seed, 2)
    for k, (got, expected) in enumerate(zip(passes, shuffled(n, bs, seed, 2))):
        expect_pass(got, expected, f"pass {k + 1} of Sampler(ds, {bs}, shuffle=True) with len(ds) = {n}, after "
                                   f"torch.manual_seed({seed})")


@exercise("Sampler", points=2, hint="draw the permutation in __iter__, at the start of each pass (never once in "
                                    "__init__), and never reseed torch there: a new order every epoch is the point "
                                    "of shuffling")
@settings(max_examples=20)
@given(n=st.integers(13, MAX_ITEMS), bs=st.integers(1, 40), seed=seeds)
def test_sampler_shuffled_draws_a_new_order_every_pass(impl, n, bs, seed):
    """With shuffle, three passes in a row give three orders wherever torch.randperm gives three (n >= 13)."""
    passes = impl.run(probe.sampler_passes, n, bs, True, seed, 3)
    orders = []
    for k, got in enumerate(passes):
        what = f"pass {k + 1} of Sampler(ds, {bs}, shuffle=True) with len(ds) = {n}"
        got = [expect_indices(b, f"{what}, batch {j}") for j, b in enumerate(expect_list(got, what))]
        orders.append(torch.cat(got) if got else torch.zeros(0, dtype=torch.int64))
    torch_orders = [torch.cat(batches) for batches in shuffled(n, bs, seed, 3)]
    for k in (1, 2):
        if torch.equal(orders[k], orders[k - 1]) and not torch.equal(torch_orders[k], torch_orders[k - 1]):
            raise Mismatch(f"passes {k} and {k + 1} of Sampler(ds, {bs}, shuffle=True) with len(ds) = {n} gave the "
                           f"same order {show(orders[k], 4)}; each pass draws a new torch.randperm({n})")


@exercise("Sampler", points=2, hint="len is the number of batches, ceil(n / bs) = (n + bs - 1) // bs: n // bs "
                                    "forgets the partial batch, and len(ds) counts items, not batches")
@settings(max_examples=40)
@given(size=sizes(), shuffle=st.booleans(), seed=seeds)
def test_sampler_len_is_the_number_of_batches(impl, size, shuffle, seed):
    """len(Sampler(ds, bs)) is ceil(len(ds) / bs), before and after a pass."""
    n, bs = size
    got = impl.run(probe.sampler_len, n, bs, shuffle, seed)
    want = math.ceil(n / bs)
    for when in ("before", "after"):
        if got[when] != want:
            raise Mismatch(f"len(Sampler(ds, {bs}, shuffle={shuffle})) with len(ds) = {n}, {when} a pass, is "
                           f"{got[when]!r}; expected ceil({n} / {bs}) = {want}")


@exercise("Sampler", points=2, hint="one item, bs = 1, bs = len(ds) and bs > len(ds) all go through the same "
                                    "slicing: range(0, n, bs) and order[i:i + bs] need no special case")
@settings(max_examples=30)
@given(size=st.sampled_from(EDGE_SIZES), shuffle=st.booleans(), seed=seeds)
def test_sampler_edges(impl, size, shuffle, seed):
    """Sizes of 1 and small edges (len(ds) = 1, bs = 1, bs = len(ds), bs > len(ds)) give the batches they should.

    Unshuffled exactly arange(n).split(bs); shuffled, batches of the same sizes holding each index once (the
    shuffled order has a test of its own).
    """
    n, bs = size
    passes = impl.run(probe.sampler_passes, n, bs, shuffle, seed, 2)
    want = in_order(n, bs)
    for k, got in enumerate(passes):
        what = f"pass {k + 1} of Sampler(ds, {bs}, shuffle={shuffle}) with len(ds) = {n}"
        if not shuffle:
            expect_pass(got, want, what)
            continue
        expect_covers(got, n, bs, what)
        sizes, wanted = [len(b) for b in got], [len(b) for b in want]
        if sizes != wanted:
            raise Mismatch(f"{what} gave {len(sizes)} batches of sizes {sizes}; expected {len(wanted)} of sizes "
                           f"{wanted}")


# --- collate -------------------------------------------------------------------------------------

@st.composite
def pair_batches(draw):
    """Two lists of (x, y) pairs, 1 to 8 of them, one item shape and dtype per list (as a dataset gives)."""
    batches = []
    for _ in range(2):
        k = draw(st.integers(1, 8))
        x, y = draw(datasets(n=k))
        batches.append([[x[i], y[i]] for i in range(k)])
    return batches


@exercise("collate", points=3, hint="torch.stack adds a new first dimension (the batch); torch.cat joins along an "
                                    "existing one; return the two stacked tensors, xs and ys, as a tuple")
@settings(max_examples=40)
@given(batches=pair_batches())
def test_collate_stacks_inputs_and_targets(impl, batches):
    """collate(pairs) is (torch.stack(xs), torch.stack(ys)): shapes (k, ...) and dtypes kept; called twice."""
    got = impl.run(probe.collate, batches)
    for call, (pairs, result) in enumerate(zip(batches, got["results"]), start=1):
        what = f"collate(a list of {len(pairs)} pairs) (call {call} of 2)"
        if not isinstance(result, list) or len(result) != 2:
            raise Mismatch(f"{what} should be the pair (xb, yb), got {show(result)}")
        xs, ys = zip(*pairs)
        expect_close(result[0], torch.stack(xs), what=f"{what}[0], the stacked inputs", atol=0, rtol=0)
        expect_close(result[1], torch.stack(ys), what=f"{what}[1], the stacked targets", atol=0, rtol=0)


@exercise("collate", points=1, hint="read the list of pairs, never change it (no pop, sort or assignment into "
                                    "it): the caller may use it again")
@settings(max_examples=20)
@given(batches=pair_batches())
def test_collate_leaves_the_list_unchanged(impl, batches):
    """collate(pairs) leaves the list it was given as it was: the same pairs, the same tensors, in order."""
    got = impl.run(probe.collate, batches)
    for call, (pairs, after) in enumerate(zip(batches, got["after"]), start=1):
        what = f"the list given to collate (call {call} of 2), after the call"
        if not isinstance(after, list) or len(after) != len(pairs):
            raise Mismatch(f"{what} holds {show(after)}, expected its {len(pairs)} pairs")
        for i, (pair, now) in enumerate(zip(pairs, after)):
            expect_item(now, pair[0], pair[1], f"{what}, item {i}")


# --- DataLoader ----------------------------------------------------------------------------------

@st.composite
def loader_cases(draw, passes: int):
    """(x, y, bs, passes): a dataset of 1..40 items and `passes` shuffled passes of index batches drawn here."""
    x, y = draw(datasets())
    n = len(x)
    bs = draw(st.integers(1, n + 2))
    seed = draw(seeds)
    return x, y, bs, [index_batches(seed + k, n, bs) for k in range(passes)]


def expect_loader_pass(got, calls, asked, batches, x, y, what: str, later: bool = False) -> None:
    """One pass of DataLoader(ds, sampler, collate_fn=recording): collate_fn([ds[i] for i in idxs]) per batch.

    `later`: a pass after the first, where an empty pass means the first one used the work up.
    """
    __tracebackhide__ = True
    got = expect_list(got, what)
    if len(got) != len(batches):
        empty_again = later and not got
        raise Mismatch(f"{what} yielded {len(got)} batches; the sampler gave {len(batches)} index batches, and each "
                       f"becomes one batch" + (" (an empty pass after the first: see the hint)" if empty_again else ""),
                       hint=SECOND_PASS_HINT if empty_again else None)
    for k, (idxs, out) in enumerate(zip(batches, got)):
        expected_out = {"call": k, "size": len(idxs)}
        if not (isinstance(out, dict) and out == expected_out):
            raise Mismatch(f"{what}, batch {k}: yielded {show(out)}, expected what collate_fn returned for the "
                           f"batch, {expected_out} (yield collate_fn(items) itself)")
    if len(calls) != len(batches):
        raise Mismatch(f"{what}: collate_fn was called {len(calls)} times for {len(batches)} index batches")
    for k, (idxs, items) in enumerate(zip(batches, calls)):
        if len(items) != len(idxs):
            raise Mismatch(f"{what}, batch {k}: collate_fn got {len(items)} items for the indices {show(idxs, 4)}; "
                           f"expected [ds[i] for i in idxs], {len(idxs)} items")
        for j, (i, item) in enumerate(zip(idxs.tolist(), items)):
            expect_item(item, x[i], y[i], f"{what}, batch {k}: item {j} given to collate_fn (ds[{i}])")
    if sorted(asked) != sorted(i for b in batches for i in b.tolist()):
        raise Mismatch(f"{what}: the dataset was asked for items {brief(asked)}; expected each index of the "
                       f"sampler's batches once, ds[i] for i in idxs")


@exercise("DataLoader", points=3, hint="for idxs in self.sampler: yield self.collate_fn([self.ds[i] for i in idxs]): "
                                       "the sampler decides the items, the collate_fn you were given makes the batch")
@settings(max_examples=40)
@given(case=loader_cases(passes=1))
def test_dataloader_yields_collate_fn_of_each_index_batch(impl, case):
    """Each batch is collate_fn([ds[i] for i in idxs]) for the sampler's index batches, in order; ds unchanged.

    With the kit's dataset, sampler and collate_fn; the dataset's tensors are compared after the pass.
    """
    x, y, bs, passes = case
    got = impl.run(probe.dataloader_passes, x, y, passes, len(passes[0]))
    expect_loader_pass(got["yielded"][0], got["calls"][0], got["asked"][0], passes[0], x, y,
                       f"DataLoader(ds, sampler, collate_fn) with len(ds) = {len(x)}")
    expect_unchanged(got["after"], [x, y], ["the dataset's x", "the dataset's y"], "a pass of the DataLoader")


@exercise("DataLoader", points=2, hint=SECOND_PASS_HINT + "; each pass iterates the sampler again, which may give "
                                                          "new batches (a shuffled sampler does)")
@settings(max_examples=20)
@given(case=loader_cases(passes=3))
def test_dataloader_iterates_the_sampler_afresh_every_pass(impl, case):
    """Three passes in a row, the sampler giving other batches each time: each pass follows its own batches."""
    x, y, bs, passes = case
    got = impl.run(probe.dataloader_passes, x, y, passes, len(passes[0]))
    for k, batches in enumerate(passes):
        expect_loader_pass(got["yielded"][k], got["calls"][k], got["asked"][k], batches, x, y,
                           f"pass {k + 1} of 3 of DataLoader(ds, sampler, collate_fn) with len(ds) = {len(x)}",
                           later=k > 0)


@exercise("DataLoader", points=1, hint="a DataLoader yields one batch per index batch: its len is len(self.sampler)")
@settings(max_examples=20)
@given(case=loader_cases(passes=1))
def test_dataloader_len_is_the_samplers(impl, case):
    """len(DataLoader(ds, sampler)) is len(sampler) (the kit's, with no bs to read), before and after a pass."""
    x, y, bs, passes = case
    got = impl.run(probe.dataloader_len, x, y, passes, len(passes[0]))
    if got != [len(passes[0])] * 2:
        raise Mismatch(f"len(DataLoader(ds, sampler)) with len(ds) = {len(x)} and len(sampler) = {len(passes[0])} "
                       f"is {show(got[0]) if isinstance(got, list) else show(got)} before a pass and "
                       f"{show(got[1]) if isinstance(got, list) else ''} after; expected {len(passes[0])}")


@exercise("DataLoader", points=2, hint="collate_fn defaults to the module's collate (collate_fn=collate), so "
                                       "DataLoader(ds, sampler) stacks each batch as torch's DataLoader does")
@settings(max_examples=30)
@given(case=loader_cases(passes=0))
def test_dataloader_default_matches_torch_dataloader(impl, case):
    """DataLoader(ds, sampler) with no collate_fn, unshuffled, gives torch's DataLoader(ds, batch_size=bs)'s batches.

    Two passes; the module's collate (the kit's in its place) is called once per batch.
    """
    x, y, bs, _ = case
    n = len(x)
    batches = list(torch.arange(n).split(bs))
    got = impl.run(probe.dataloader_default_collate, x, y, [batches, batches])
    torch_loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=bs)
    expected = [list(pair) for pair in torch_loader]
    for k, (yielded, calls) in enumerate(zip(got["yielded"], got["calls"])):
        what = f"pass {k + 1} of DataLoader(ds, sampler) with len(ds) = {n}, bs = {bs}"
        yielded = expect_list(yielded, what)
        if len(yielded) != len(expected):
            raise Mismatch(f"{what} yielded {len(yielded)} batches; torch's DataLoader yields {len(expected)}",
                           hint=SECOND_PASS_HINT if k and not yielded else None)
        for j, (batch, (xb, yb)) in enumerate(zip(yielded, expected)):
            if not isinstance(batch, list) or len(batch) != 2:
                raise Mismatch(f"{what}, batch {j} should be the pair (xb, yb), got {show(batch)}")
            expect_close(batch[0], xb, what=f"{what}, batch {j}'s inputs", atol=0, rtol=0)
            expect_close(batch[1], yb, what=f"{what}, batch {j}'s targets", atol=0, rtol=0)
        if calls != len(expected):
            raise Mismatch(f"{what}: the module's collate was called {calls} times for {len(expected)} batches; "
                           f"the default collate_fn is collate")


# --- DataLoaders ---------------------------------------------------------------------------------

@exercise("DataLoaders", points=1, hint="DataLoaders(train, valid) keeps the two loaders it is given as .train and "
                                        ".valid, in that order")
@settings(max_examples=10)
@given(seed=seeds, lengths=st.lists(st.integers(1, 4), min_size=4, max_size=4))
def test_dataloaders_holds_train_and_valid(impl, seed, lengths):
    """DataLoaders(train, valid).train is train and .valid is valid; two DataLoaders built in turn keep their own."""
    loaders = [[values(seed + 10 * k + j, (2,), torch.float32) for j in range(length)]
               for k, length in enumerate(lengths)]
    pairs = [[loaders[0], loaders[1]], [loaders[2], loaders[3]]]
    got = impl.run(probe.dataloaders, pairs)
    for which, ((train, valid), (got_train, got_valid)) in enumerate(zip(pairs, got), start=1):
        for name, sent, came in (("train", train, got_train), ("valid", valid, got_valid)):
            what = f"the batches of DataLoaders(train, valid).{name} (DataLoaders #{which} of 2)"
            came = expect_list(came, what)
            if len(came) != len(sent) or not all(isinstance(b, torch.Tensor) and torch.equal(b, s)
                                                 for b, s in zip(came, sent)):
                raise Mismatch(f"{what} are {show(came)}; expected those of the loader given as {name}, "
                               f"{show(sent)}")
