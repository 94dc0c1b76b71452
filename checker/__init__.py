"""plancheck: policy-consistency checking for development plans.

The public API:

* `load_suite(paths=None)` — parse and build a suite of `.rules` files (default: the
  bundled Daxing suite);
* `check(files, rules=None, *, as_of=None, fail_on="error")` — check proposals and plan
  data, returning the canonical `Result`;
* `analyze(checked)` — consistency findings of a type-checked suite (`typecheck`);
* `Result` — the canonical, JSON-serializable result.

`check` and `Result` load on first use (they bring pandas), so that importing the
package (and `plancheck --help`) stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checker.analyze import analyze  # eager: the module has the function's name
from checker.suite import LoadedSuite, load_suite
from checker.typecheck import typecheck

if TYPE_CHECKING:
    from checker.pipeline import check
    from checker.result import Result

__all__ = ["LoadedSuite", "Result", "analyze", "check", "load_suite", "typecheck"]
__version__ = "0.1.0"

_LAZY = {"check": "checker.pipeline", "Result": "checker.result"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'checker' has no attribute {name!r}")
