"""Foundations Kit's grader: student feedback, single-source build, verification."""
from ._cli import ExitCode, main

__all__ = ["ExitCode", "main"]
