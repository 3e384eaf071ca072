"""The grader's own tests: the environment they share, and their two tiers (bin/suite full|compat).

Environment, for this process and every grader it starts: one torch thread (two stall badly beside a
busy core, and grades must not depend on cores), no bytecode (the corpus fingerprints solutions/ and
tests/), and sandbox uids of this run's own (GRADER_SANDBOX_UIDS), so that a check for surviving
sandbox processes never counts another grader's on the same machine.

Tiers. full (the default): everything. compat: what other Pythons run; tests marked
`full_tier_only` are deselected, and the corpus grades its slice (one case per
class of attack) instead of every case.
"""
from __future__ import annotations

import os

import pytest

pytest_plugins = ["pytester"]  # testing/test_plugin.py runs the plugin on test files it writes

TIERS = ("full", "compat")
FIRST_UID = 62_000 + os.getpid() % 200 * 16  # 16 uids: the corpus's side-by-side runs claim one per worker
SANDBOX_UIDS = range(FIRST_UID, FIRST_UID + 16)
ENVIRONMENT = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "PYTHONDONTWRITEBYTECODE": "1",
               "GRADER_SANDBOX_UIDS": f"{SANDBOX_UIDS[0]}-{SANDBOX_UIDS[-1]}"}
os.environ.update(ENVIRONMENT)  # at collection already: modules read it when imported


def pytest_addoption(parser):
    parser.addoption("--tier", choices=TIERS, default="full",
                     help="full: every test; compat: the slice other Pythons run (default: full)")


def pytest_configure(config):
    config.addinivalue_line("markers", "full_tier_only: deselected by --tier=compat")
    import torch

    torch.set_num_threads(1)


def pytest_collection_modifyitems(config, items):
    if config.getoption("tier") == "full":
        return
    dropped = [item for item in items if item.get_closest_marker("full_tier_only")]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if not item.get_closest_marker("full_tier_only")]


@pytest.fixture(scope="session")
def tier(request) -> str:
    return request.config.getoption("tier")
