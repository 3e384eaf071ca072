"""How things ended: the one vocabulary every part of the grader speaks.

- the statuses of `grades.csv` (SPEC.md), their precedence and the words students read;
- the records: `TestRecord` (one test's outcome) and `ExerciseResult` (one exercise's grade);
- the exceptions by which running student code ends a test (`NotAttempted`, `TimedOut`,
  `ModuleBroken`, `Crashed`, `StudentError`) and the `Raised` record of an expected exception;
- the words of the sandbox's replies, which the child writes and the parent reads;
- `UsageError`, what the library raises where a person asked for something it cannot do.

Nothing here imports torch: the command line reads it before deciding to.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# The statuses of grades.csv, in SPEC.md's words.
STATUSES = ("passed", "failed", "error", "not_attempted", "timed_out", "invalid")
# When an exercise's tests end differently, the exercise takes the first of these. `kit_error` is the
# kit's own failure (a test that crashed for a reason not the student's); autograde reports it as error.
PRECEDENCE = ("kit_error", "invalid", "not_attempted", "timed_out", "error", "failed", "passed")
# Statuses that score 0 whatever else passes: a stub; and a clock, since which tests ended before it ran
# out depends on the machine, and a grade must not. (A broken contract rule also scores 0: `score`.)
GATING = ("not_attempted", "timed_out")
LABELS = {"passed": "passed", "failed": "failed", "error": "error", "not_attempted": "not attempted",
          "timed_out": "timed out", "invalid": "invalid", "kit_error": "kit error"}
# `grader check` speaks SPEC.md's five statuses; "invalid" (a missing or unparsable file) is an error there.
CHECK_LABELS = {**LABELS, "invalid": "error"}
# The hint for an ending that is not about the test's property (whose own hint is the test's): each names
# what to look at. A failed value or an exception raised in the student's code keeps the test's hint.
HINTS = {
    "not_attempted": "replace the stub's `raise NotImplementedError(...)` with your code",
    "timed_out": "look for a loop that never ends, or one that runs far more often than the input needs "
                 "(over the wrong range, or nested once too often); the message shows the call's input",
    "invalid": "fix the file so that Python can import it: the message names the line",
    "import_error": "importing your module raised: run `python -c 'import <module>'` in its folder and read the "
                    "last line of the traceback (code at the top level of a module runs on import)",
    "crashed": "your code ended the process running it (os._exit, sys.exit, a signal, a crash in native "
               "code) or wrote on the grader's channel: return a value, or raise an exception, instead",
    "kit_error": "the kit itself failed on this test, not your code: please tell your instructor",
}


@dataclass
class TestRecord:
    """One test's outcome, in plain terms."""

    __test__ = False  # not a pytest test class, despite its name

    nodeid: str
    assignment: str
    exercise: str
    points: int
    outcome: str  # a status, kit_error or skipped
    title: str = ""
    message: str = ""
    example: str = ""
    hint: str | None = None
    rule: str | None = None  # the contract rule this test enforces: failing it scores the exercise 0
    diagnosis: list[str] = field(default_factory=list)  # the catalogued mistakes its exercise's outputs match


@dataclass
class ExerciseResult:
    """One exercise's grade: its status, points earned of its tests' total, and what went wrong."""

    assignment: str
    exercise: str
    status: str
    score: int
    max_score: int
    problems: list[TestRecord] = field(default_factory=list)
    diagnosis: list[str] = field(default_factory=list)  # slugs of the catalogued mistakes its outputs match


class UsageError(Exception):
    """The instructor asked for something the grader cannot do; the CLI prints it and exits 2 (usage)."""


class ClusterLost(Exception):
    """The Dask scheduler went away in the middle of a run (grader/_cluster.py); the CLI says how to resume."""


# --- how a call into student code ends, other than with a value -------------------------------------
# BaseExceptions (like pytest's own outcomes) where hypothesis must stop at once instead of shrinking:
# an input cannot matter to a stub, and each retry of a crash or a timeout costs a new process or a clock.

class NotAttempted(BaseException):
    """The exercise still raises the stub's NotImplementedError."""


class TimedOut(BaseException):
    """Student code ran past the time allowed: one call's, or its exercise's or submission's budget."""


class ModuleBroken(BaseException):
    """The student's module cannot be imported.

    `kind` is "invalid" when the file is missing or is not Python (syntax error,
    not text) and "error" when importing it raised or took too long.
    """

    def __init__(self, message: str, kind: str = "error"):
        super().__init__(message)
        self.kind = kind


class Crashed(BaseException):
    """Student code ended the process that ran it (os._exit, a signal, a segfault), or garbled its channel."""


class RuleBroken(BaseException):
    """Student code reached what its exercise's contract forbids (a routine, at run time); `rule` states the rule.

    It fails the test and scores the exercise 0 (`grader._report.score`), and stops
    hypothesis at once: the rule is broken, whatever the input.
    """

    def __init__(self, message: str, rule: str):
        super().__init__(message)
        self.rule = rule


class StudentError(Exception):
    """Student code raised where it should have returned, or returned non-plain data.

    An Exception, so that hypothesis shrinks to the smallest input that raises.
    """


@dataclass(frozen=True)
class Raised:
    """What a probe's call raised, as plain data: the exception's type, its message, its classes' names."""

    type: str
    message: str
    kinds: tuple[str, ...] = ()


class Reply:
    """The `status` of each message the sandboxed child sends its parent (grader/_student_code/child.py)."""

    HELLO = "hello"                  # the fork server is up (torch imported)
    READY = "ready"                  # a worker imported the student's module and waits for calls
    OK = "ok"                        # a call returned: "value" holds its plain data
    RAISED = "raised"                # a call raised, and the test expected an exception: "type", "kinds", "message"
    NOT_ATTEMPTED = "not_attempted"  # the stub's NotImplementedError: "message"
    BROKEN = "broken"                # the module does not import: "message", "kind" (invalid or error)
    ERROR = "error"                  # a call raised, or returned what is not plain data: "message"
    FORBIDDEN = "forbidden"          # a call reached what its exercise's confinement forbids: "message", "rule"
    EXITED = "exited"                # a worker ended: "code" (negative: the signal)
