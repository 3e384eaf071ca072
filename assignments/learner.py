"""Assignment 04 (lessons 9-10): a Learner with callbacks. (Being written: see issue 3.)"""
import torch


class CancelFitException(Exception):
    """Raised by a callback to end the whole fit."""


class CancelEpochException(Exception):
    """Raised by a callback to skip the rest of the epoch."""


class CancelBatchException(Exception):
    """Raised by a callback to skip the rest of the batch."""


class Callback:
    """Base class of callbacks: define methods named after events (`before_fit`, `after_batch`, ...)."""

    order = 0
    learn = None

    def __call__(self, event: str):
        """Run this callback's method named `event`, if it has one, and return its result (else None)."""
        raise NotImplementedError("lessons 9-10, assignment 04 learner: write Callback.__call__")
