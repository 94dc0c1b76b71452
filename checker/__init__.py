"""plancheck: policy-consistency checking for development plans.

The public API:

* `load_suite(paths=None)` — parse and build a suite of `.rules` files (default: the
  bundled Daxing suite);
* `typecheck(suite)` — the checked suite, or every diagnostic at once;
* `check(files, rules=None, *, as_of=None, fail_on="error")` — check proposals and plan
  data, returning the canonical `Result`;
* `analyze(checked)` — consistency findings of a type-checked suite;
* `Result` — the canonical, JSON-serializable result.

Every name loads on first use, so that importing the package (and `plancheck
--version`) loads nothing heavy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checker.analysis.analyze import analyze
    from checker.pipeline import check
    from checker.result import Result
    from checker.syntax.suite import LoadedSuite, load_suite
    from checker.types.typecheck import typecheck

__all__ = ["LoadedSuite", "Result", "analyze", "check", "load_suite", "typecheck"]
__version__ = "0.1.0"

_LAZY = {"check": "checker.pipeline", "Result": "checker.result",
         "analyze": "checker.analysis.analyze", "LoadedSuite": "checker.syntax.suite",
         "load_suite": "checker.syntax.suite", "typecheck": "checker.types.typecheck"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'checker' has no attribute {name!r}")
