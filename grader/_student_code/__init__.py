"""Running student code: the one part of the grader that does, behind one interface.

A test never calls student code itself. It calls an *implementation*:

    impl.run(probe, *args, expect_error=False, timeout=None)
        calls `probe(student_module, *args)` and returns what it returned as plain,
        judge-side values (or a `Raised` record with expect_error); ends in the
        exceptions of grader._outcome otherwise (NotAttempted, TimedOut, ...)
    impl.source(module)     the module's text, read by the trusted process
    impl.exercise = name    which exercise the next calls belong to (the pytest plugin sets it)
    impl.close()

There are two, and nothing else runs student code:

- `in_process.LocalImplementation`: in this process, for the student's own
  `grader check`, pytest and notebooks;
- `sandbox.SandboxImplementation`: for the autograder; the probes run in a
  sandboxed fork server (`child.py`) confined by `jail.py` (bubblewrap, an
  unprivileged uid, rlimits, a private copy of the submission), and only plain
  values come back (`plain.py`), over a bounded wire format (`wire.py`).

The sandbox is the student's: whatever a probe reports from it is the student's
answer, judged as such. What the judge needs to know about how a value was made
is enforced there (a probe module's `confinement`, entered before the student's
module is imported) or re-derived here, never taken from a report.

This module holds the settings, without importing torch: the command line reads its defaults.
"""
from __future__ import annotations

from dataclasses import dataclass, field

CALL_TIMEOUT = 60.0          # seconds one call may take in the student's own `grader check`
SANDBOX_CALL_TIMEOUT = 20.0  # seconds one call may take in the autograder's sandbox
# Seconds of calls in all, per exercise and per submission, in the sandbox: code that answers each call
# just under the call's limit must not hold a worker for hours. A call that asks for a longer time
# (training) adds what it asks to its exercise's budget and its submission's.
EXERCISE_BUDGET = 120.0
STUDENT_BUDGET = 600.0


def _default_limits():
    from .jail import Limits

    return Limits()


@dataclass
class SandboxConfig:
    mode: str = "bwrap"              # "bwrap" or "process" (a separate process only: see jail.py)
    uid: int = 60_001                # unprivileged uid of this worker (jail.claim_uid)
    call_timeout: float = SANDBOX_CALL_TIMEOUT
    exercise_budget: float = EXERCISE_BUDGET
    student_budget: float = STUDENT_BUDGET
    limits: object = field(default_factory=_default_limits)  # jail.Limits (its default measures torch)
