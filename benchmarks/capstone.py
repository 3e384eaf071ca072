"""The capstone twice: with the kit's reference framework, and with torch's own nn, optim and OneCycleLR.

    python -m benchmarks.capstone [--epochs 8] [--seed 0]

Same data (scikit-learn's digits, the capstone's split), same seed, same
epochs, batch size, architecture and hyperparameters; one torch thread. Prints
each run's held-out accuracy and wall time, and the time ratio.
"""
from __future__ import annotations

import argparse
import time

import torch
import torch.nn.functional as F
from torch import nn

from solutions import capstone


class TorchResBlock(nn.Module):
    """The ResBlock of SPEC.md, from torch's own layers."""

    def __init__(self, ni: int, nf: int, stride: int = 1):
        super().__init__()

        def conv(ni, nf, ks, stride, zero_bn, act):
            bn = nn.BatchNorm2d(nf)
            nn.init.constant_(bn.weight, 0.0 if zero_bn else 1.0)
            return nn.Sequential(nn.Conv2d(ni, nf, ks, stride, ks // 2, bias=False), bn,
                                 *([nn.ReLU()] if act else []))

        self.convs = nn.Sequential(conv(ni, nf, 3, stride, False, True), conv(nf, nf, 3, 1, True, False))
        self.pool = nn.AvgPool2d(2, ceil_mode=True) if stride != 1 else nn.Identity()
        self.idconv = conv(ni, nf, 1, 1, False, False) if ni != nf else nn.Identity()

    def forward(self, x):
        return F.relu(self.convs(x) + self.idconv(self.pool(x)))


def train_torch(epochs: int, seed: int, lr: float = 1e-2, batch_size: int = 32) -> nn.Module:
    torch.manual_seed(seed)
    x_train, y_train, x_valid, y_valid = capstone.split()
    batches = capstone.Batches(x_train, y_train, batch_size, shuffle=True, seed=seed)
    mean, std = x_train.mean().item(), x_train.std().item()
    model = nn.Sequential(capstone.Normalize(mean, std), TorchResBlock(1, 16), TorchResBlock(16, 32, 2),
                          TorchResBlock(32, 64, 2), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.1),
                          nn.Linear(64, 10))
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-2)
    schedule = torch.optim.lr_scheduler.OneCycleLR(opt, lr, total_steps=epochs * len(batches), pct_start=0.25,
                                                   div_factor=25.0, final_div_factor=1e5,
                                                   max_momentum=0.95, base_momentum=0.85)
    for _ in range(epochs):
        model.train()
        for xb, yb in batches:
            F.cross_entropy(model(xb), yb).backward()
            opt.step()
            opt.zero_grad()
            schedule.step()
        model.eval()
        with torch.no_grad():
            F.cross_entropy(model(x_valid), y_valid)  # the kit's Learner runs a validation pass too
    return model


def accuracy(model: nn.Module) -> float:
    _, _, x_valid, y_valid = capstone.split()
    model.eval()
    with torch.no_grad():
        return (model(x_valid).argmax(-1) == y_valid).double().mean().item()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    capstone.split()  # load the data once before timing
    started = time.perf_counter()
    ours = capstone.train(epochs=args.epochs, seed=args.seed).model
    kit_seconds = time.perf_counter() - started
    started = time.perf_counter()
    theirs = train_torch(args.epochs, args.seed)
    torch_seconds = time.perf_counter() - started
    print(f"digits, {args.epochs} epochs, seed {args.seed}, 1 thread, torch {torch.__version__}")
    print(f"kit's framework (solutions/):        accuracy {accuracy(ours):.2%}  {kit_seconds:6.2f} s")
    print(f"torch's nn, optim and OneCycleLR:    accuracy {accuracy(theirs):.2%}  {torch_seconds:6.2f} s")
    print(f"time ratio kit / torch: {kit_seconds / torch_seconds:.2f}")


if __name__ == "__main__":
    main()
