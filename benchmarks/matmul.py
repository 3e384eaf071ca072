"""Lesson 8's point in numbers: each matmul version's time against torch's own `a @ b`.

    python -m benchmarks.matmul [--impl DIR]     # default: solutions/; try your assignments/

Shapes are the lesson's: a batch of MNIST rows (5, 64 or 50000 rows of 784
pixels) times a (784, 10) weight matrix. Each time is the median of repeated
calls (at least 3, or as many as fit in about a second); the three-loop version
is only run on the 5-row batch, where one call already takes about a second.
Runs on one thread, as the tests do.
"""
from __future__ import annotations

import argparse
import importlib.util
import statistics
import time
from pathlib import Path

import torch

SHAPES = [(5, 784, 10), (64, 784, 10), (50_000, 784, 10)]
VERSIONS = ["matmul", "matmul_elementwise", "matmul_broadcast", "matmul_einsum"]
# Calls too slow to repeat: estimated from the smallest batch instead (cost grows with the rows).
TOO_SLOW = {("matmul", 64), ("matmul", 50_000), ("matmul_elementwise", 50_000)}


def show(seconds: float) -> str:
    if seconds >= 60:
        return f"{seconds / 60:.0f} min"
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1e3:.3g} ms" if seconds >= 1e-3 \
        else f"{seconds * 1e6:.3g} us"


def median_seconds(function, budget: float = 1.0, at_least: int = 3) -> float:
    times = []
    started = time.perf_counter()
    while len(times) < at_least or time.perf_counter() - started < budget:
        t0 = time.perf_counter()
        function()
        times.append(time.perf_counter() - t0)
        if times[-1] > budget:  # one call is already longer than the budget
            break
    return statistics.median(times)


def load(impl: Path):
    spec = importlib.util.spec_from_file_location("bench_matmul", impl / "matmul.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--impl", type=Path, default=Path(__file__).resolve().parent.parent / "solutions")
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    module = load(args.impl)
    generator = torch.Generator().manual_seed(0)
    print(f"matmul versions from {args.impl}, float32, 1 thread, torch {torch.__version__}\n")
    print(f"{'a @ b shapes':<26}{'version':<20}{'time':>12}{'x torch':>12}")
    per_row = {}
    for n, k, p in SHAPES:
        a, b = torch.randn(n, k, generator=generator), torch.randn(k, p, generator=generator)
        base = median_seconds(lambda: a @ b)
        label = f"({n}, {k}) @ ({k}, {p})"
        print(f"{label:<26}{'torch a @ b':<20}{show(base):>12}{1:>12,}")
        for version in VERSIONS:
            if (version, n) in TOO_SLOW:
                estimate = per_row[version] * n
                print(f"{'':<26}{version:<20}{'~' + show(estimate):>12}{estimate / base:>12,.0f}  (estimated)")
                continue
            function = getattr(module, version)
            seconds = median_seconds(lambda: function(a, b))
            per_row.setdefault(version, seconds / n)
            print(f"{'':<26}{version:<20}{show(seconds):>12}{seconds / base:>12,.0f}")


if __name__ == "__main__":
    main()
