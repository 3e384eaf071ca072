"""The capstone twice, with the kit's reference framework and with torch's own; and the paper's table.

    python -m benchmarks.capstone [--epochs 8] [--seed 0]     the kit against torch
    python -m benchmarks.capstone --table                     MNIST-1D's table, with the kit's framework
    python -m benchmarks.capstone --profile                   where the kit's training spends its time

The first trains the capstone's network with solutions/ (Dataset, Sampler,
DataLoader, Learner, ResBlock, Dropout, cross_entropy, adam_opt, OneCycle) and
the same network with torch's own nn (Conv2d, BatchNorm2d, Dropout),
torch.utils.data.DataLoader, optim.AdamW and lr_scheduler.OneCycleLR: same data
(MNIST-1D, generated once, before the clocks start), seed, epochs, batch size,
architecture and hyper-parameters; one torch thread. It prints each run's test
accuracy and wall time, and the time ratio.

The second reproduces the table of Greydanus's "Scaling down deep learning"
(logistic regression 32%, MLP 68%, CNN 94%, GRU 91%, human 96%) with models
trained by the kit's framework: a linear layer, an MLP, the capstone's ResNet
and a GRU, each with its test accuracy beside the paper's.
"""
from __future__ import annotations

import argparse
import functools
import time

import torch
import torch.nn.functional as F
from torch import nn

from solutions import capstone
from solutions.data import DataLoader, DataLoaders, Dataset, Sampler
from solutions.dropout import Dropout
from solutions.learner import Learner
from solutions.loss import cross_entropy
from solutions.optimizer import adam_opt
from solutions.schedule import OneCycle

PAPER = {"logistic regression": 0.32, "MLP": 0.68, "CNN (the capstone: ResNet)": 0.94, "GRU": 0.91}


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


def train_torch(epochs: int, seed: int, lr: float = 1e-2, batch_size: int = 64) -> nn.Module:
    """The capstone's network and training, from torch's own pieces."""
    torch.manual_seed(seed)
    x, y, x_test, y_test = capstone.mnist1d()
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=batch_size, shuffle=True)
    model = nn.Sequential(nn.Unflatten(1, (1, 1, 40)), TorchResBlock(1, 16), TorchResBlock(16, 16),
                          TorchResBlock(16, 32, 2), TorchResBlock(32, 32), TorchResBlock(32, 64, 2),
                          TorchResBlock(64, 64), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.1),
                          nn.Linear(64, 10))
    opt = torch.optim.AdamW(model.parameters(), lr=lr, betas=(0.9, 0.99), eps=1e-5, weight_decay=1e-2)
    schedule = torch.optim.lr_scheduler.OneCycleLR(opt, lr, total_steps=epochs * len(loader), pct_start=0.25,
                                                   div_factor=25.0, final_div_factor=1e5,
                                                   max_momentum=0.95, base_momentum=0.85)
    for _ in range(epochs):
        model.train()
        for xb, yb in loader:
            F.cross_entropy(model(xb), yb).backward()
            opt.step()
            opt.zero_grad()
            schedule.step()
        model.eval()
        with torch.no_grad():  # the kit's Learner runs a validation pass too
            for start in range(0, len(x_test), 500):
                F.cross_entropy(model(x_test[start:start + 500]), y_test[start:start + 500])
    return model


def accuracy(model: nn.Module) -> float:
    _, _, x_test, y_test = capstone.mnist1d()
    model.eval()
    with torch.no_grad():
        return (model(x_test).argmax(-1) == y_test).double().mean().item()


def kit_learner(model: nn.Module, epochs: int, lr: float, batch_size: int = 64) -> Learner:
    """`model` trained by the kit's framework on MNIST-1D, as the capstone trains its own."""
    x, y, x_test, y_test = capstone.mnist1d()
    train_ds, valid_ds = Dataset(x, y), Dataset(x_test, y_test)
    dls = DataLoaders(DataLoader(train_ds, Sampler(train_ds, batch_size, shuffle=True)),
                      DataLoader(valid_ds, Sampler(valid_ds, 500)))
    learn = Learner(model, dls, cross_entropy, lr=lr, cbs=[OneCycle(lr)], opt_func=adam_opt(wd=1e-2))
    learn.fit(epochs)
    return learn


class GRUClassifier(nn.Module):
    """A GRU over the sequence (one number per step), its last hidden state into a linear head."""

    def __init__(self, hidden: int = 64):
        super().__init__()
        self.gru, self.head = nn.GRU(1, hidden, batch_first=True), nn.Linear(hidden, 10)

    def forward(self, x):
        _, h = self.gru(x[:, :, None])
        return self.head(h[-1])


def table(seed: int) -> None:
    models = {
        "logistic regression": (lambda: nn.Linear(40, 10), 20, 1e-2),
        "MLP": (lambda: nn.Sequential(nn.Linear(40, 100), nn.ReLU(), nn.Linear(100, 100), nn.ReLU(), Dropout(0.1),
                                      nn.Linear(100, 10)), 20, 1e-2),
        "CNN (the capstone: ResNet)": (None, 8, 1e-2),
        "GRU": (lambda: GRUClassifier(), 20, 1e-2),
    }
    print(f"MNIST-1D's table, seed {seed}, the kit's framework (solutions/), one thread, torch {torch.__version__}")
    print(f"{'model':28s} {'epochs':>6s} {'test accuracy':>14s} {'paper':>6s} {'time':>8s}")
    for name, (make, epochs, lr) in models.items():
        torch.manual_seed(seed)
        started = time.perf_counter()
        model = capstone.train(epochs=epochs, seed=seed).model if make is None else \
            kit_learner(make(), epochs, lr).model
        seconds = time.perf_counter() - started
        print(f"{name:28s} {epochs:6d} {accuracy(model):14.1%} {PAPER[name]:6.0%} {seconds:7.1f}s")
    print(f"{'human':28s} {'':6s} {'':14s} {0.96:6.0%}")


def profile(epochs: int, seed: int, rows: int = 15) -> None:
    """The kit's training under cProfile: the functions that take the most time of their own."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(capstone.train, epochs=epochs, seed=seed)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(rows)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--table", action="store_true", help="the paper's table instead of the comparison")
    parser.add_argument("--profile", action="store_true", help="profile the kit's training instead")
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    capstone.mnist1d = functools.cache(capstone.mnist1d)  # generate once, before the clocks start
    capstone.mnist1d()
    if args.table:
        table(args.seed)
        return
    if args.profile:
        profile(args.epochs, args.seed)
        return
    started = time.perf_counter()
    ours = capstone.train(epochs=args.epochs, seed=args.seed).model
    kit_seconds = time.perf_counter() - started
    started = time.perf_counter()
    theirs = train_torch(args.epochs, args.seed)
    torch_seconds = time.perf_counter() - started
    print(f"MNIST-1D, {args.epochs} epochs, seed {args.seed}, 1 thread, torch {torch.__version__}")
    print(f"kit's framework (solutions/):        accuracy {accuracy(ours):.2%}  {kit_seconds:6.2f} s")
    print(f"torch's nn, optim and OneCycleLR:    accuracy {accuracy(theirs):.2%}  {torch_seconds:6.2f} s")
    print(f"time ratio kit / torch: {kit_seconds / torch_seconds:.2f}")


if __name__ == "__main__":
    main()
