"""The in-process implementation: a folder shaped like `assignments/`, imported and called here.

A *probe* is a small function in `tests/probes/<assignment>.py` that drives
student code: it receives the student's module and plain inputs, calls the
exercise, and returns plain data (tensors, numbers, strings, lists, dicts). It
never judges anything. Tests call `impl.run(probe, *inputs)` and judge what
comes back. This module runs probes in the current process, for students'
`grader check`, `pytest tests` and notebooks; the autograder runs the same
probes in a sandboxed child (`child.py`, which uses this class there) and the
same tests in the trusted parent.
"""
from __future__ import annotations

import contextlib
import importlib
import importlib.machinery
import importlib.util
import itertools
import signal
import sys
import threading
import traceback
from pathlib import Path

from .._outcome import ModuleBroken, NotAttempted, Raised, RuleBroken, StudentError, TimedOut
from . import CALL_TIMEOUT
from .confine import ForbiddenCall, confinement
from .plain import NotPlain, cut, from_plain, summary, to_plain

_counter = itertools.count()


class LocalImplementation:
    """A directory shaped like `assignments/`, imported under a private package name.

    Args:
        root: the directory (it need not contain `__init__.py`).
        call_timeout: seconds one probe call may take before TimedOut.
        confine_calls: enter the exercise's confinement (confine.py) around each call; the sandbox's
            worker enters it once instead, before importing the student's module.
    """

    def __init__(self, root: str | Path, call_timeout: float = CALL_TIMEOUT, confine_calls: bool = True):
        self.root = Path(root).resolve()
        self.call_timeout = call_timeout
        self.confine_calls = confine_calls
        self.exercise: str | None = None  # set by the plugin before each test
        self.package = f"_kit_impl_{next(_counter)}"
        spec = importlib.machinery.ModuleSpec(self.package, None, is_package=True)
        spec.submodule_search_locations = [str(self.root)]
        package = importlib.util.module_from_spec(spec)
        sys.modules[self.package] = package
        self._modules: dict[str, object] = {}
        self._broken: dict[str, tuple[str, str]] = {}

    def close(self) -> None:
        """Forget every module imported from this directory."""
        for name in [n for n in sys.modules if n == self.package or n.startswith(self.package + ".")]:
            del sys.modules[name]

    def source(self, module: str) -> str:
        """The text of `<module>.py` (ModuleBroken if it cannot be read)."""
        path = self.root / f"{module}.py"
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ModuleBroken(f"cannot read {module}.py: {exc}") from None

    def module(self, name: str):
        """Import `<name>.py` once; raise ModuleBroken with a one-line reason if that fails."""
        if name in self._broken:
            raise ModuleBroken(*self._broken[name])
        if name not in self._modules:
            if not (self.root / f"{name}.py").is_file():
                self._broken[name] = (f"there is no {name}.py in {self.root}", "invalid")
                raise ModuleBroken(*self._broken[name])
            path = self.root / f"{name}.py"
            try:
                compile(path.read_bytes(), str(path), "exec")  # not Python at all: invalid, not an error
            except (SyntaxError, ValueError) as exc:
                line = f" line {exc.lineno}" if getattr(exc, "lineno", None) else ""
                self._broken[name] = (f"{name}.py{line}: not valid Python ({type(exc).__name__}: "
                                      f"{getattr(exc, 'msg', exc)})", "invalid")
                raise ModuleBroken(*self._broken[name]) from None
            except OSError as exc:
                self._broken[name] = (f"cannot read {name}.py: {exc}", "invalid")
                raise ModuleBroken(*self._broken[name]) from None
            dont_write = sys.dont_write_bytecode
            sys.dont_write_bytecode = True  # leave no __pycache__ in the student's folder
            try:
                with self._time_limit():
                    self._modules[name] = importlib.import_module(f"{self.package}.{name}")
            except SyntaxError as exc:
                self._broken[name] = (f"{name}.py line {exc.lineno}: SyntaxError: {exc.msg}", "invalid")
            except NotImplementedError as exc:
                raise NotAttempted(cut(str(exc))) from None
            except TimedOut:
                self._broken[name] = (f"importing {name}.py took longer than {self.call_timeout:g} s", "error")
            except (Exception, SystemExit) as exc:
                self._broken[name] = (f"importing {name}.py raised {self._describe(exc)}", "error")
            finally:
                sys.dont_write_bytecode = dont_write
            if name in self._broken:
                raise ModuleBroken(*self._broken[name])
        return self._modules[name]

    def run(self, probe, *args, expect_error: bool = False, timeout: float | None = None):
        """Call `probe(student_module, *args)` and return its result as judge-side values.

        The arguments are copied through plain data first, so the student's code
        never holds the judge's tensors. With `expect_error`, an exception raised
        by student code is returned as a `Raised` record instead of failing.
        `timeout` raises the time limit for a call known to be long (training).
        """
        module_name = probe.__module__.rsplit(".", 1)[-1]

        def confined():
            probes = sys.modules.get(probe.__module__)
            return confinement(probes, self.exercise) if self.confine_calls else contextlib.nullcontext()

        # The first import runs confined too, as the sandbox's worker imports the module inside the exercise's
        # confinement: what the module binds at import (a stand-in data set's functions) is then the same here.
        if module_name in self._modules or module_name in self._broken:
            module = self.module(module_name)
        else:
            with confined():
                module = self.module(module_name)
        inputs = from_plain(to_plain(args))
        try:
            with _Alarm(max(self.call_timeout, timeout or 0)), confined():
                result = probe(module, *inputs)
        except ForbiddenCall as exc:
            raise RuleBroken(cut(str(exc)), cut(str(exc.rule))) from None
        except TimedOut as exc:  # hypothesis reports no example for it: say where it was, and on what
            raise TimedOut(f"{exc}{self._where(exc)}, on the probe's input {summary(args)}") from None
        except NotImplementedError as exc:
            raise NotAttempted(cut(str(exc)) or "NotImplementedError") from None
        except (Exception, SystemExit) as exc:
            if expect_error:
                return Raised(type(exc).__name__, cut(str(exc)), tuple(k.__name__ for k in type(exc).__mro__))
            raise StudentError(self._describe(exc)) from None
        try:
            return from_plain(to_plain(result))
        except NotPlain as exc:
            raise StudentError(f"returned something that is not plain data: {exc}") from None

    def _where(self, exc: BaseException) -> str:
        """` (matmul.py line 12)`: the last frame of the student's code in `exc`'s traceback, if any."""
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            path = Path(frame.filename)
            if path.is_relative_to(self.root):
                return f" ({path.name} line {frame.lineno})"
        return ""

    def _describe(self, exc: BaseException) -> str:
        """`TypeError: message (matmul.py line 12)`, naming the last student frame."""
        where = self._where(exc)
        text = cut(str(exc))
        if isinstance(exc, AttributeError) and text.startswith(f"module '{self.package}."):
            # "module '_kit_impl_0.backprop' has no attribute 'lin'" -> name the file instead
            module, _, rest = text[len("module '"):].partition("' ")
            return f"{module.rsplit('.', 1)[-1]}.py {rest.replace('has no attribute', 'defines no')}"
        return f"{type(exc).__name__}: {text}{where}"

    def _time_limit(self):
        return _Alarm(self.call_timeout)


class _Alarm:
    """Raise TimedOut in the main thread after `seconds` (no-op off the main thread)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.active = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")

    def __enter__(self):
        if self.active:
            self.previous = signal.signal(signal.SIGALRM, self._expire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc):
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
        return False

    def _expire(self, signum, frame):
        raise TimedOut(f"a call took longer than {self.seconds:g} s")
