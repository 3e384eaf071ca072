"""The grader's own tests come in two tiers (bin/suite full|compat).

full (the default): everything. compat: what other Pythons run; tests marked
`full_tier_only` are deselected, and the corpus grades its slice (one case per
class of attack) instead of every case.
"""
from __future__ import annotations

import pytest

TIERS = ("full", "compat")


def pytest_addoption(parser):
    parser.addoption("--tier", choices=TIERS, default="full",
                     help="full: every test; compat: the slice other Pythons run (default: full)")


def pytest_configure(config):
    config.addinivalue_line("markers", "full_tier_only: deselected by --tier=compat")


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
