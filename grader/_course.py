"""The course as SPEC.md fixes it: assignments, their modules and public names, in order."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Assignment:
    number: str
    module: str
    exercises: tuple[str, ...]
    lesson: str


ASSIGNMENTS = (
    Assignment("01", "matmul", ("matmul", "matmul_elementwise", "matmul_broadcast", "matmul_einsum"), "lesson 8"),
    Assignment("02", "backprop", ("lin", "relu", "mse", "mse_grad", "relu_grad", "lin_grad",
                                  "forward_and_backward"), "lesson 8"),
    Assignment("03", "loss", ("logsumexp", "log_softmax", "nll", "cross_entropy", "accuracy"), "lesson 9"),
    Assignment("04", "learner", ("Callback", "Learner", "CancelFitException", "CancelEpochException",
                                 "CancelBatchException"), "lessons 9-10"),
    Assignment("05", "schedule", ("sched_lin", "sched_cos", "combine_scheds", "OneCycle"), "lessons 10-11"),
    Assignment("06", "dropout", ("Dropout",), "lesson 12"),
    Assignment("07", "resnet", ("conv_layer", "ResBlock"), "lesson 13"),
    Assignment("08", "lstm", ("LSTMCell", "LSTM"), "lesson 14"),
    Assignment("09", "capstone", ("train",), "lessons 8-14"),
)

BY_MODULE = {a.module: a for a in ASSIGNMENTS}

