"""Shared fixtures: paths of the repository and helpers to parse text."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "rules" / "daxing-14th"


@pytest.fixture
def root() -> Path:
    return ROOT
