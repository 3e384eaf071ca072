"""The wire format between the sandboxed child and the trusted grader: what decodes, and what is refused.

Student code shares the child's process, so it can write any bytes on the channel:
every bound here is one a forged reply would otherwise get past.
"""
import struct

import numpy as np
import pytest
import torch

from grader._student_code import wire
from grader._student_code.plain import MAX_TEXT, cut, from_plain, to_plain
from grader._student_code.wire import MAX_DEPTH, MAX_MESSAGE, MAX_STRING, MAX_VALUES, ProtocolError, decode, encode


def body(message) -> bytes:
    return encode(message)[8:]


def test_plain_data_round_trips_arrays_included():
    message = {"status": "ok", "value": [1, 2.5, None, "s", True, float("inf"),
                                         {"t": np.arange(6, dtype=np.int16).reshape(2, 3)}]}
    decoded = decode(body(message))
    assert decoded["value"][:5] == [1, 2.5, None, "s", True] and decoded["value"][5] == float("inf")
    array = decoded["value"][6]["t"]
    assert array.dtype == np.int16 and array.shape == (2, 3) and array.tolist() == [[0, 1, 2], [3, 4, 5]]
    assert array.flags.writeable and array.flags.owndata  # a fresh copy, not a view of the message's bytes


def test_a_numpy_array_stays_a_numpy_array_and_a_tensor_a_tensor():
    """A result that should be a tensor and is a numpy array must reach the judge as a numpy array."""
    decoded = decode(body({"value": to_plain([torch.ones(2), np.ones(2), np.float32(1.5)])}))
    tensor, array, number = from_plain(decoded["value"])
    assert type(tensor) is torch.Tensor and type(array) is np.ndarray and number == 1.5


def test_the_encoder_writes_ascii_only():
    assert body({"message": "résumé ✓ \U0001f600"}).isascii()


@pytest.mark.parametrize("raw, reason", [
    ("{\"message\": \"r\u00e9sum\u00e9\"}".encode(), "not ASCII"),
    (b"[" + b"[]," * (MAX_VALUES // 2) + b"[]]", "values"),
    (b"{" + b"\"k\":{}," * (MAX_VALUES // 2) + b"\"k\":{}}", "values"),
    (b"[" * (MAX_DEPTH + 2) + b"]" * (MAX_DEPTH + 2), "levels deep"),
    (b"[" * 100_000 + b"]" * 100_000, "not a JSON message"),  # deeper than the parser recurses
    (b"\"" + b"x" * (MAX_STRING + 1) + b"\"", "string of"),
    (b"{\"" + b"k" * (MAX_STRING + 1) + b"\": 1}", "string of"),
    (b"{\"__nd__\": [\"object\", [1], \"AA==\"]}", "bad array header"),
    (b"{\"__nd__\": [\"int8\", [3], \"AA==\"]}", "cannot hold"),
    (b"{\"__nd__\": [\"int8\", [-1], \"\"]}", "bad array shape"),
    (b"{\"__nd__\": [\"int8\", [1], \"not base64!\"]}", "malformed"),
    (b"[1, 2", "not a JSON message"),
])
def test_a_forged_message_is_refused(raw, reason):
    with pytest.raises(ProtocolError, match=reason):
        decode(raw)


def test_the_bounds_leave_room_for_honest_replies():
    # A value just inside each bound decodes: the bounds refuse only what is past them.
    assert len(decode(b"[" + b"0," * (MAX_VALUES // 2 - 2) + b"0]")) == MAX_VALUES // 2 - 1
    nested = decode(b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1))
    assert isinstance(nested, list)
    assert decode(b"\"" + b"x" * MAX_STRING + b"\"") == "x" * MAX_STRING
    big = np.zeros(2**20, dtype=np.float64)  # 8 MiB of array data, 11 MiB of base64
    assert decode(body({"value": big}))["value"].shape == (2**20,)


def test_a_message_over_the_byte_limit_is_refused_before_it_is_read(monkeypatch):
    reads = []
    monkeypatch.setattr(wire, "read_exactly", lambda fd, size, wait=None: reads.append(size) or
                        struct.pack(">Q", MAX_MESSAGE + 1))
    with pytest.raises(ProtocolError, match="announced"):
        wire.read_message(0)
    assert reads == [8]  # the header only: the body is never read
    with pytest.raises(ProtocolError, match="over the"):
        encode({"value": "x" * MAX_MESSAGE})


def test_texts_are_cut_to_what_feedback_keeps():
    assert cut("short") == "short"
    long = "y" * (MAX_TEXT + 123)
    assert cut(long) == "y" * MAX_TEXT + "... (123 more characters cut)"
