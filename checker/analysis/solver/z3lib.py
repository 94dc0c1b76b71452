"""z3, or the C730 diagnostic saying how to install it.

z3 is the `analyze` extra: `plancheck analyze` and `checker.analyze` need it, a check
does not (its verdicts over gaps stay unknown without it, `engine.gaps`).  The solver
modules import z3 from here, so a missing solver is one clear error (exit 2), never
a traceback.  Imports `diagnostics` and z3.
"""

from __future__ import annotations

from checker.diagnostics import Diagnostic, DiagnosticError

try:
    import z3  # type: ignore[import-untyped]
except ImportError as missing:  # pragma: no cover - exercised with z3 hidden, see tests
    raise DiagnosticError([Diagnostic(
        "C730", "the consistency analysis needs the solver z3 (the `analyze` extra), which "
        "is not installed", help="install it with `pip install 'plancheck[analyze]'` (in a "
        "checkout: `pip install -e '.[analyze]'`)")]) from missing

__all__ = ["z3"]
