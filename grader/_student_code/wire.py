"""Messages between the trusted grader and the sandboxed child: length-prefixed JSON, never pickle.

Plain data (see plain.py) is JSON with one extension: a tensor's array is
`{"__nd__": [dtype, shape, base64 bytes]}`, a numpy array's `{"__np__": [...]}`. The decoder trusts nothing: student
code shares the child's process and can write anything on the channel. It
accepts only ASCII (the encoder writes nothing else), whitelisted numeric
dtypes and bytes that match their shape, and refuses, before parsing where it
can, a message over MAX_MESSAGE bytes, more than MAX_VALUES values, nesting
deeper than MAX_DEPTH and a string longer than MAX_STRING: what a reply can
cost the trusted process is bounded by its size, not by what it expands to.
"""
from __future__ import annotations

import base64
import json
import os
import struct

import numpy as np

from .plain import NumpyArray

# The bounds on one message. Honest replies are a few tensors of at most a few hundred thousand
# elements and messages cut to a few KB by the child: these leave them a wide margin.
MAX_MESSAGE = 64 * 2**20  # bytes; a bigger result is itself a failure
MAX_VALUES = 1_000_000    # JSON values (numbers, strings, lists, dicts): each costs the parser 50-100 bytes
MAX_DEPTH = 32            # nesting; plain data is at most 21 levels deep (plain.py)
MAX_STRING = 64 * 2**10   # characters in one string, an array's base64 payload excepted
DTYPES = {"bool", "int8", "int16", "int32", "int64", "uint8", "float16", "float32", "float64"}
_HEADER = struct.Struct(">Q")


class ProtocolError(Exception):
    """The other side sent something that is not a well-formed message."""


ARRAY_TAGS = ("__nd__", "__np__")  # a tensor's array, a numpy array's


def _encode_value(value):
    if isinstance(value, np.ndarray):
        if value.dtype.name not in DTYPES:
            raise ProtocolError(f"array dtype {value.dtype} cannot be sent")
        data = np.ascontiguousarray(value).tobytes()
        tag = "__np__" if isinstance(value, NumpyArray) else "__nd__"
        return {tag: [value.dtype.name, list(value.shape), base64.b64encode(data).decode("ascii")]}
    if isinstance(value, (list, tuple)):
        return [_encode_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _encode_value(v) for k, v in value.items()}
    return value


def _decode_value(value, budget: list[int], depth: int = 0):
    if depth > MAX_DEPTH:
        raise ProtocolError(f"message nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, dict):
        if len(value) == 1 and next(iter(value)) in ARRAY_TAGS:
            (tag, spec), = value.items()
            array = _decode_array(spec, budget)
            return array.view(NumpyArray) if tag == "__np__" else array
        for key in value:
            _check_string(key)
        return {k: _decode_value(v, budget, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode_value(v, budget, depth + 1) for v in value]
    if type(value) is str:
        _check_string(value)
        return value
    if value is None or type(value) in (bool, int, float):
        return value
    raise ProtocolError(f"unexpected {type(value).__name__} in a message")


def _check_string(text: str) -> None:
    if len(text) > MAX_STRING:
        raise ProtocolError(f"a string of {len(text)} characters; the limit is {MAX_STRING}")


def _decode_array(spec, budget: list[int]) -> np.ndarray:
    try:
        dtype_name, shape, data = spec
        if dtype_name not in DTYPES or not isinstance(shape, list) or len(shape) > 16:
            raise ProtocolError(f"bad array header {dtype_name!r} {shape!r}")
        if not all(type(n) is int and 0 <= n for n in shape):
            raise ProtocolError(f"bad array shape {shape!r}")
        raw = base64.b64decode(data.encode("ascii"), validate=True)
    except (TypeError, ValueError, AttributeError) as exc:
        raise ProtocolError(f"malformed array: {exc}") from None
    dtype = np.dtype(dtype_name)
    count = int(np.prod(shape, dtype=np.int64)) if shape else 1
    if count * dtype.itemsize != len(raw):
        raise ProtocolError(f"array of shape {shape} and dtype {dtype_name} cannot hold {len(raw)} bytes")
    budget[0] -= len(raw)
    if budget[0] < 0:
        raise ProtocolError("message holds too much array data")
    return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()


def encode(message) -> bytes:
    body = json.dumps(_encode_value(message), allow_nan=True).encode("utf-8")
    if len(body) > MAX_MESSAGE:
        raise ProtocolError(f"message of {len(body)} bytes is over the {MAX_MESSAGE} limit")
    return _HEADER.pack(len(body)) + body


def decode(body: bytes):
    if len(body) > MAX_MESSAGE:
        raise ProtocolError(f"message of {len(body)} bytes; the limit is {MAX_MESSAGE}")
    if not body.isascii():
        raise ProtocolError("message is not ASCII")  # json.dumps escapes everything else
    # Every value or key but the first follows a "[", a "{", a "," or a ":" (counted in strings too: an
    # upper bound), so the parser is never handed more than MAX_VALUES values to build.
    values = 1 + body.count(b"[") + body.count(b"{") + body.count(b",") + body.count(b":")
    if values > MAX_VALUES:
        raise ProtocolError(f"message of up to {values} values; the limit is {MAX_VALUES}")
    try:
        message = json.loads(body)
    except (ValueError, RecursionError) as exc:  # json.JSONDecodeError is a ValueError
        raise ProtocolError(f"not a JSON message: {str(exc)[:200]}") from None
    return _decode_value(message, [MAX_MESSAGE])


def write_message(fd: int, message) -> None:
    data = memoryview(encode(message))
    while data:
        written = os.write(fd, data)
        data = data[written:]


def read_exactly(fd: int, size: int, wait=None) -> bytes:
    """Read `size` bytes from `fd`; `wait(fd)` blocks until readable (or raises); EOFError at end."""
    chunks, remaining = [], size
    while remaining:
        if wait is not None:
            wait(fd)
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            raise EOFError("the other side closed the channel")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def read_message(fd: int, wait=None):
    (size,) = _HEADER.unpack(read_exactly(fd, _HEADER.size, wait))
    if size > MAX_MESSAGE:
        raise ProtocolError(f"message of {size} bytes announced; the limit is {MAX_MESSAGE}")
    return decode(read_exactly(fd, size, wait))
