"""The words the grader's parts share about how things ended (more move here with issue 11's redesign)."""
from __future__ import annotations


class UsageError(Exception):
    """The instructor asked for something the grader cannot do; the CLI prints it and exits 2 (usage)."""
