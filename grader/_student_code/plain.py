"""Plain data: the only values that cross between student code and the judge.

Student code's results are turned into nested lists, dicts (str keys), None,
bool, int, float, str and numeric numpy arrays before anything judges them, so
an object that overrides `__eq__`, a tensor subclass or a lazily evaluated
value cannot take part in a comparison. A tensor and a numpy array both become
arrays, but not the same kind: the judge gets tensors back as tensors and numpy
arrays as numpy arrays (`NumpyArray` on the way), so a result that should be a
tensor and is not fails as such. The sandboxed autograder sends exactly
these values across its process boundary; the in-process runner uses the same
conversion so that both paths judge the same thing.
"""
from __future__ import annotations

import numpy as np
import torch

# Largest array the judge accepts from student code, in elements: results of
# these exercises are small, and a flood of output is itself a failure.
MAX_ELEMENTS = 50_000_000
# Characters of one message (an exception's text, a repr) kept for feedback: enough to read, while a
# message of megabytes would fill feedback.md and results.json for nothing.
MAX_TEXT = 4000
NUMERIC_KINDS = "biuf"  # bool, int, unsigned, float numpy dtypes


class NotPlain(TypeError):
    """Student code returned something that is not plain data."""


class NumpyArray(np.ndarray):
    """Plain data for what was a numpy array, not a tensor, where it was made (a plain ndarray was a tensor)."""


def to_plain(value, _depth: int = 0):
    """Convert a probe's result to plain data, rejecting anything else."""
    if _depth > 20:
        raise NotPlain("result nested more than 20 levels deep")
    kind = type(value)
    if value is None or kind in (bool, int, float, str):
        return value
    if kind in (torch.Tensor, torch.nn.Parameter):
        tensor = torch.Tensor.detach(value)
        if tensor.is_complex() or tensor.dtype in (torch.bfloat16,):
            raise NotPlain(f"unsupported tensor dtype {tensor.dtype}")
        if tensor.numel() > MAX_ELEMENTS:
            raise NotPlain(f"tensor of {tensor.numel()} elements is too large")
        return np.array(tensor.cpu().numpy(), copy=True)
    if isinstance(value, torch.Tensor):
        raise NotPlain(f"got a {kind.__name__}, a subclass of torch.Tensor; return a plain tensor")
    if kind in (np.ndarray, NumpyArray):
        if value.dtype.kind not in NUMERIC_KINDS:
            raise NotPlain(f"array of dtype {value.dtype} is not numeric")
        if value.size > MAX_ELEMENTS:
            raise NotPlain(f"array of {value.size} elements is too large")
        return np.array(value, copy=True).view(NumpyArray)
    if kind in (list, tuple):
        return [to_plain(item, _depth + 1) for item in value]
    if kind is dict:
        if not all(type(key) is str for key in value):
            raise NotPlain("dict keys must be strings")
        return {key: to_plain(item, _depth + 1) for key, item in value.items()}
    if isinstance(value, (np.floating, np.integer, np.bool_)):
        return value.item()
    raise NotPlain(f"got a {kind.__module__}.{kind.__qualname__}, which is not plain data")


def from_plain(value):
    """Turn plain data back into judge-side values: tensors' arrays become tensors, numpy's stay numpy arrays."""
    if isinstance(value, NumpyArray):
        return value.view(np.ndarray)
    if isinstance(value, np.ndarray):
        return torch.from_numpy(value)
    if isinstance(value, list):
        return [from_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: from_plain(item) for key, item in value.items()}
    return value


def summary(values, limit: int = 600) -> str:
    """A call's inputs, short, for a message: a small tensor's values, a big one's shape and dtype."""
    def one(value) -> str:
        if isinstance(value, torch.Tensor):
            kind = "" if value.dtype == torch.float32 else f", dtype={value.dtype}"
            if value.numel() <= 12:
                return f"tensor({value.tolist()}{kind})"
            return f"tensor of shape {tuple(value.shape)}{kind}"
        if isinstance(value, (list, tuple)):
            return "[" + ", ".join(one(item) for item in value) + "]"
        if isinstance(value, dict):
            return "{" + ", ".join(f"{key!r}: {one(item)}" for key, item in value.items()) + "}"
        return repr(value)
    return cut("(" + ", ".join(one(value) for value in values) + ")", limit)


def cut(text: str, limit: int = MAX_TEXT) -> str:
    """`text`, or its first `limit` characters and a note saying how much was cut."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... ({len(text) - limit} more characters cut)"

