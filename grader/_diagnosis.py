"""Diagnosis: name the known mistake that a failing exercise's outputs match, or nothing.

While the tests run, a `Recorder` around the implementation keeps a few calls of
each test: the probe, the judge's inputs and what came back (the student's plain
values, an exception's type, a broken rule). When an exercise fails, `diagnose`
replays the calls of its failing tests on each catalogued mistake of that
exercise (grader/_catalogue.py: the reference with that one mistake put in, the
kit's own code, run here in the trusted process through the same probes). A
mistake is named only when it reproduces every replayed reply: the shrunk
failing example (the last call of a failing hypothesis test), the calls before
it, and the test's first calls (other drawn inputs). None is better than a wrong
one, so an exercise whose calls cannot all be replayed is not diagnosed: a call
that timed out, crashed or found the stub, and a call too big or too long to
replay (training runs) leave its test out, and without a replayed call there is
no diagnosis.

Replies are compared as a student's own rounding allows (floats within 1e-4
relative, of the tensor's largest magnitude for elements near 0): a mistake's
outputs differ from the right ones by far more, and two mistakes that agree to
that precision on every replayed input are both named.
"""
from __future__ import annotations

import collections
import contextlib
import copy
import math
from dataclasses import dataclass, field
from pathlib import Path

FIRST_CALLS = 3       # a test's first calls: other inputs than the shrunk one
LAST_CALLS = 6        # its last calls: the shrunk failing example and what led to it
MAX_ELEMENTS = 1_000_000  # a call holding more (in its inputs and reply) is not kept
REPLAY_TIMEOUT = 5.0  # seconds one replayed call may take on a mistake
RTOL = 1e-4


@dataclass(frozen=True)
class Ending:
    """A call that ended without a value: `kind` "error" (the exception's type) or "rule" (the rule's text)."""

    kind: str
    detail: str


@dataclass
class Call:
    probe: object
    args: list
    expect_error: bool
    reply: object  # plain judge-side values, a Raised record, or an Ending


@dataclass
class Transcript:
    """The kept calls of one test; `complete` is False when one of its calls cannot be replayed."""

    first: list[Call] = field(default_factory=list)
    last: collections.deque = field(default_factory=lambda: collections.deque(maxlen=LAST_CALLS))
    complete: bool = True

    def calls(self) -> list[Call]:
        """The last call first (the shrunk failing example: the likeliest to tell mistakes apart)."""
        last = list(self.last)[::-1]
        return last + [c for c in self.first if all(c is not kept for kept in last)]


class Recorder:
    """An implementation that passes every call on to `inner` and keeps the current test's transcript."""

    def __init__(self, inner):
        self.inner = inner
        self.transcript = Transcript()

    @property
    def exercise(self):
        return self.inner.exercise

    @exercise.setter
    def exercise(self, name):
        self.inner.exercise = name

    def __getattr__(self, name):  # what else a test or a notebook asks of the implementation
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)

    def start_test(self) -> None:
        self.transcript = Transcript()

    def run(self, probe, *args, expect_error: bool = False, timeout: float | None = None):
        from ._outcome import RuleBroken, StudentError

        try:
            reply = self.inner.run(probe, *args, expect_error=expect_error, timeout=timeout)
        except StudentError as exc:
            self._keep(probe, args, expect_error, timeout, Ending("error", _error_type(str(exc))))
            raise
        except RuleBroken as exc:
            self._keep(probe, args, expect_error, timeout, Ending("rule", exc.rule))
            raise
        except BaseException:  # the stub, a timeout, a crash, a broken module: nothing to replay
            self.transcript.complete = False
            raise
        self._keep(probe, args, expect_error, timeout, reply)
        return reply

    def _keep(self, probe, args, expect_error, timeout, reply) -> None:
        from ._student_code.plain import from_plain, to_plain

        transcript = self.transcript
        if timeout is not None or _elements((args, reply)) > MAX_ELEMENTS:
            return  # a training run: too long to replay on every mistake (its test is then not replayed)
        try:  # the judge's inputs as they were, whatever the test does with them afterwards
            call = Call(probe, from_plain(to_plain(args)), expect_error, _snapshot(reply))
        except Exception:
            transcript.complete = False
            return
        if len(transcript.first) < FIRST_CALLS:
            transcript.first.append(call)
        transcript.last.append(call)


def _snapshot(value):
    """A copy of a reply (judge-side values: from_plain's, a Raised record), safe from what the test does with it
    afterwards. Every call of every test is copied, so this is deepcopy's result made the cheap way: keeping the
    calls with deepcopy (its memo, torch's __deepcopy__) cost up to a sixth of grader verify's runs' CPU."""
    import numpy as np
    import torch

    kind = type(value)
    if value is None or kind in (bool, int, float, str):
        return value
    if kind is torch.Tensor:
        return value.clone()
    if kind is np.ndarray:
        return value.copy()
    if kind is list:
        return [_snapshot(item) for item in value]
    if kind is dict:
        return {key: _snapshot(item) for key, item in value.items()}
    return copy.deepcopy(value)


def _error_type(message: str) -> str:
    """`TypeError` of "TypeError: text (matmul.py line 3)"; the message itself when it names no type."""
    head = message.split(":", 1)[0]
    return head if head.isidentifier() else message


def _elements(value) -> int:
    import numpy as np
    import torch

    if isinstance(value, (torch.Tensor, np.ndarray)):
        return int(value.size if isinstance(value, np.ndarray) else value.numel())
    if isinstance(value, (list, tuple)):
        return sum(_elements(v) for v in value)
    if isinstance(value, dict):
        return sum(_elements(v) for v in value.values())
    return 1


def same(student, mistake) -> bool:
    """Whether a mistake's reply reproduces the student's: same kinds, shapes and dtypes, values to rounding."""
    import numpy as np
    import torch

    from ._outcome import Raised

    if type(student) is not type(mistake):
        return False
    if isinstance(student, torch.Tensor):
        return _same_array(student, mistake)
    if isinstance(student, np.ndarray):
        return _same_array(torch.from_numpy(np.asarray(student)), torch.from_numpy(np.asarray(mistake)))
    if isinstance(student, (list, tuple)):
        return len(student) == len(mistake) and all(same(a, b) for a, b in zip(student, mistake))
    if isinstance(student, dict):
        return student.keys() == mistake.keys() and all(same(student[k], mistake[k]) for k in student)
    if isinstance(student, float):
        return (math.isnan(student) and math.isnan(mistake)) or math.isclose(student, mistake, rel_tol=RTOL)
    if isinstance(student, Raised):  # its message is part of the output (a message without the shapes is a mistake)
        return (student.type, student.message) == (mistake.type, mistake.message)
    return student == mistake


def _same_array(a, b) -> bool:
    import torch

    if a.dtype != b.dtype or a.shape != b.shape:
        return False
    if not (a.is_floating_point() or a.is_complex()):
        return torch.equal(a, b)
    a, b = a.double(), b.double()
    if not torch.equal(a.isnan(), b.isnan()):
        return False
    finite = a.isfinite() & b.isfinite()
    if not torch.equal(a[~finite & ~a.isnan()], b[~finite & ~b.isnan()]) or not torch.equal(finite, a.isfinite()):
        return False  # the same infinities at the same places
    a, b = a[finite], b[finite]
    if a.numel() == 0:
        return True
    scale = torch.maximum(a.abs(), b.abs()).max()
    return bool(((a - b).abs() <= RTOL * torch.maximum(torch.maximum(a.abs(), b.abs()), 1e-3 * scale)).all())


def diagnose(failing: list[Transcript], candidates: list, root: Path, exercise: str) -> list[str]:
    """The slugs of the `candidates` (catalogue Mistakes of `exercise`) that reproduce every kept call.

    Only where the student's replies differ from the reference's on some kept call: a diagnosis explains a
    wrong output, so calls the student got right (all of a correct implementation's) name nothing.
    """
    if not failing or not all(t.complete for t in failing):
        return []
    calls = [call for t in failing for call in t.calls()]
    if not calls or _replays_all(None, calls, root, exercise):
        return []
    return [m.slug for m in candidates if _replays_all(m, calls, root, exercise)]


def _replays_all(mistake, calls: list[Call], root: Path, exercise: str) -> bool:
    """Whether the reference with `mistake` put in (None: the reference itself) gives every call's reply."""
    from ._catalogue import mistaken_copy
    from ._outcome import RuleBroken, StudentError
    from ._student_code.in_process import LocalImplementation

    # The reference itself is replayed from solutions/ as it is; a mistake from a copy with it put in.
    code = contextlib.nullcontext(root / "solutions") if mistake is None else mistaken_copy(root, mistake)
    with code as folder:
        replay = LocalImplementation(folder, call_timeout=REPLAY_TIMEOUT)
        replay.exercise = exercise
        try:
            for call in calls:
                try:
                    reply = replay.run(call.probe, *call.args, expect_error=call.expect_error)
                except StudentError as exc:
                    reply = Ending("error", _error_type(str(exc)))
                except RuleBroken as exc:
                    reply = Ending("rule", exc.rule)
                except KeyboardInterrupt:
                    raise
                except BaseException:  # a stub, a timeout, a crash: not what the student's code did
                    return False
                if not same(call.reply, reply):
                    return False
            return True
        finally:
            replay.close()
