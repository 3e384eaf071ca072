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
    Assignment("03", "modules", ("Parameter", "Module", "Linear", "ConvLayer", "Sequential"), "lesson 9"),
    Assignment("04", "loss", ("logsumexp", "log_softmax", "nll", "cross_entropy", "accuracy"), "lesson 9"),
    Assignment("05", "data", ("Dataset", "Sampler", "collate", "DataLoader", "DataLoaders"), "lesson 9"),
    Assignment("06", "learner", ("Callback", "Learner", "CancelFitException", "CancelEpochException",
                                 "CancelBatchException"), "lessons 9-10"),
    Assignment("07", "schedule", ("sched_lin", "sched_cos", "combine_scheds", "OneCycle"), "lessons 10-11"),
    Assignment("08", "hooks", ("Hook", "Hooks", "append_stats", "GeneralRelu", "init_cnn", "lsuv_module", "HookBwd",
                               "grad_cam"), "lesson 10"),
    Assignment("09", "norm", ("BatchNorm", "LayerNorm", "InstanceNorm"), "lesson 10"),
    Assignment("10", "optimizer", ("Optimizer", "sgd_step", "weight_decay", "l2_reg", "StatefulOptimizer",
                                   "AverageGrad", "AverageSqrGrad", "StepCount", "momentum_step", "adam_step",
                                   "lamb_step", "adam_opt"), "lesson 11"),
    Assignment("11", "regularization", ("LabelSmoothingCrossEntropy", "MixUp"), "lessons 11-12"),
    Assignment("12", "dropout", ("Dropout",), "lesson 12"),
    Assignment("13", "resnet", ("conv_layer", "ResBlock"), "lesson 12"),
    Assignment("14", "lstm", ("LSTMCell", "LSTM"), "lesson 12"),
    Assignment("15", "capstone", ("train",), "lessons 8-12"),
)
# Only the assignments with a test file in this checkout are offered (`_paths.available_assignments`): SPEC.md
# version 2's fifteen, in the course's order, are listed here as they arrive; numbers follow that order.

BY_MODULE = {a.module: a for a in ASSIGNMENTS}

