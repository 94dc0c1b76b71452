"""Shared fixtures: paths of the repository and helpers to parse text."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# Properties are checked for what they say, not for speed (speed lives in bench/): under
# `make test`'s parallel workers on 2 cores an example can take past hypothesis's 200 ms
# deadline, which failed test_units_algebra once with nothing wrong.
settings.register_profile("plancheck", deadline=None)
settings.load_profile("plancheck")

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "rules" / "daxing-14th"


_CACHE_CREATED: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    """One suite cache for the whole run (shared by the xdist workers), never the user's."""
    if not os.environ.get("PLANCHECK_CACHE_DIR"):
        folder = tempfile.mkdtemp(prefix="plancheck-test-cache-")
        os.environ["PLANCHECK_CACHE_DIR"] = folder
        _CACHE_CREATED.append(folder)


def pytest_unconfigure(config: pytest.Config) -> None:
    for folder in _CACHE_CREATED:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def root() -> Path:
    return ROOT
