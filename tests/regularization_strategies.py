"""Strategies for regularization: logits and targets, smoothing amounts, and batches for MixUp's stand-in learner."""
from __future__ import annotations

import torch
from hypothesis import strategies as st

from tests.strategies import float_dtypes, tensors

seeds = st.integers(0, 2**31 - 1)

# --- LabelSmoothingCrossEntropy ---------------------------------------------------------------------

# eps anywhere in [0, 1], its ends (plain cross entropy; the mean of -log_softmax alone) and 0.5 (where swapping
# the two weights changes nothing) among them; None: the constructor's default (0.1).
smoothing_amounts = st.one_of(st.none(), st.sampled_from([0.0, 0.5, 1.0]), st.floats(0, 1))

# Entries in [-10, 10] (exact zeros, hence ties, included). ORDINARY: softmax far from one-hot, every formula well
# conditioned, gradients judged tightly. HUGE: from 1e3 on (entries up to 1e4) a naive exp overflows (exp(89) is
# inf in float32, exp(710) in float64); 1e29 reaches 1e30; float64 goes on to 1e300. Nothing larger: the loss
# adds C (<= 6) log-probabilities of up to 2e300 (2e30 in float32), N (<= 8) rows of them, far below float64's
# 1.8e308 (float32's 3.4e38), so torch's own result is finite (float32 would stay finite up to about 1e35).
BOUND = 10.0
ORDINARY = {torch.float32: [1.0], torch.float64: [1.0]}
HUGE = {torch.float32: [1e3, 1e29], torch.float64: [1e3, 1e29, 1e299]}


def targets(n: int, c: int):
    """(n,) int64 class indices in [0, c)."""
    return st.lists(st.integers(0, c - 1), min_size=n, max_size=n).map(
        lambda values: torch.tensor(values, dtype=torch.int64))


@st.composite
def classification(draw, scales=None):
    """(logits (N, C), targets (N,) int64): N from 1 to 8, C from 1 (log_softmax is then 0) to 6, either dtype,
    entries in [-10, 10] times a scale drawn from scales[dtype] (ORDINARY by default)."""
    scales = ORDINARY if scales is None else scales
    n, c, dtype = draw(st.integers(1, 8)), draw(st.integers(1, 6)), draw(float_dtypes)
    scale = draw(st.sampled_from(scales[dtype]))
    return draw(tensors((n, c), dtype, bound=BOUND, scale=scale, zeros=True)), draw(targets(n, c))


# --- MixUp ----------------------------------------------------------------------------------------

# alpha: small (lam near 1 mostly: Beta(0.1, 0.1) puts most of its mass near 0 and 1), the lesson's 0.4 (also as the
# default, None), 1 (uniform) and larger ones (lam near 0.5).
alphas = st.sampled_from([None, 0.1, 0.4, 1.0, 2.0, 5.0])
loss_names = st.sampled_from(["cross_entropy", "label_smoothing", "mse"])


def make_batch(seed: int, n: int, features, classes: int, dtype, loss_name: str, training: bool) -> dict:
    """A batch for the stand-in learner: xb (n, *features), preds (n, classes), yb for the loss.

    Normal draws from a generator seeded with `seed` (never torch's global one, which MixUp
    draws from): distinct rows, so a wrong permutation or weight shows. yb is (n,) int64
    classes for cross entropy, (n, classes) floats for mse.
    """
    g = torch.Generator().manual_seed(seed)
    xb = torch.randn((n, *features), generator=g, dtype=torch.float64).to(dtype)
    preds = (2 * torch.randn((n, classes), generator=g, dtype=torch.float64)).to(dtype)
    if loss_name == "mse":
        yb = torch.randn((n, classes), generator=g, dtype=torch.float64).to(dtype)
    else:
        yb = torch.randint(0, classes, (n,), generator=g)
    return {"training": training, "xb": xb, "yb": yb, "preds": preds, "seed": None}


@st.composite
def batches(draw, loss_name: str, pattern):
    """Batches for the training/validation `pattern` (a list of booleans): one dtype, each its own size.

    Sizes: n from 1 (a permutation of one example) to 8, 1 to 3 feature axes of 1 to 4 (images
    (N, C, H, W) included), 1 to 5 classes.
    """
    dtype = draw(float_dtypes)
    classes = draw(st.integers(1, 5))
    out = []
    for training in pattern:
        n = draw(st.integers(1, 8))
        features = draw(st.lists(st.integers(1, 4), min_size=1, max_size=3))
        out.append(make_batch(draw(seeds), n, features, classes, dtype, loss_name, training))
    return out
