"""Strategies for data: dataset sizes with batch sizes at every edge, and datasets whose items can be told apart."""
from __future__ import annotations

import torch
from hypothesis import strategies as st

seeds = st.integers(0, 2**31 - 1)

# Up to 300 items: enough for many batches and for two passes of a shuffled sampler to differ
# (randperm(n) repeats with probability 1/n!), while a pass with bs = 1 stays a few hundred
# tensor operations (well under a millisecond each).
MAX_ITEMS = 300

# Sizes of 1 and batch sizes at every edge, fixed: one item, bs = 1, bs = len(ds), bs > len(ds),
# bs dividing len(ds) and not.
EDGE_SIZES = [(1, 1), (1, 2), (1, 64), (2, 1), (2, 2), (2, 3), (3, 2), (5, 5), (5, 7), (6, 3), (7, 3), (10, 4),
              (12, 4)]


@st.composite
def sizes(draw, max_items: int = MAX_ITEMS):
    """(n, bs): n items in 1..max_items and a batch size that divides n, does not, is 1, is n, or exceeds n.

    The kind comes first so that a failure shrinks to the smallest n of the kind that shows it.
    """
    kind = draw(st.sampled_from(["any", "divides", "one", "all", "larger"]))
    n = draw(st.integers(1, max_items))
    if kind == "any":
        bs = draw(st.integers(1, n))
    elif kind == "divides":
        bs = draw(st.sampled_from([d for d in range(1, n + 1) if n % d == 0]))
    elif kind == "one":
        bs = 1
    elif kind == "all":
        bs = n
    else:
        bs = draw(st.integers(n + 1, 2 * n + 5))
    return n, bs


# Inputs: rank 0 to 3 per item (scalar features, vectors, images), of each dtype a dataset holds.
INPUT_DTYPES = [torch.float32, torch.float64, torch.float16, torch.int64]
# Targets: class indices (int64) or regression values (float), a scalar or a vector per item.
TARGET_DTYPES = [torch.int64, torch.float32, torch.float64]

item_shapes = st.lists(st.integers(1, 4), min_size=0, max_size=3).map(tuple)
target_shapes = st.sampled_from([(), (1,), (3,)])


def values(seed: int, shape, dtype: torch.dtype) -> torch.Tensor:
    """Distinct-looking values of `shape` and `dtype` from `seed`: normal floats, or integers in [-10^6, 10^6).

    Distinct rows let a judge tell item i from item j (an index used twice, or the wrong one).
    """
    g = torch.Generator().manual_seed(seed)
    if dtype.is_floating_point:
        return torch.randn(shape, generator=g, dtype=torch.float64).to(dtype)
    return torch.randint(-10**6, 10**6, shape, generator=g, dtype=dtype)


@st.composite
def datasets(draw, n=None, max_items: int = 40):
    """(x, y): n items (1..max_items unless given) of a drawn input shape and dtype and target shape and dtype.

    The leading size n differs from the other sides where the draw allows, so len(x) is not x.numel()
    or x.shape[-1] by chance.
    """
    n = draw(st.integers(1, max_items)) if n is None else n
    seed = draw(seeds)
    x = values(seed, (n, *draw(item_shapes)), draw(st.sampled_from(INPUT_DTYPES)))
    y = values(seed + 1, (n, *draw(target_shapes)), draw(st.sampled_from(TARGET_DTYPES)))
    return x, y


def index_batches(seed: int, n: int, bs: int) -> list[torch.Tensor]:
    """A pass of a shuffled sampler, made by the judge: randperm(n) from `seed`, cut into int64 batches of bs."""
    g = torch.Generator().manual_seed(seed)
    return list(torch.randperm(n, generator=g).split(bs))
