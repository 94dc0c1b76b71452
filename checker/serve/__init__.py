"""The approvals office: `plancheck serve`, its quota ledger and its web pages.

In: a suite (parsed and type-checked once), plan data (the baseline of aggregate
rules such as LAND-02), a database URL (SQLite by default, PostgreSQL through
psycopg 3).  Out: an ASGI app — the JSON API under `/v1`, server-rendered
pages — and the ledger commands (`token`, `ledger verify`, `ledger recheck`).

Framework-free parts: `office` (check proposals), `exact` and `quotas` (quota
arithmetic in fractions), `ledger` (hash chain), `decisions` (approve, reject,
withdraw in one transaction).  Web parts: `app`, `api`, `pages`, `auth`,
`limits`, `problems`.  Storage: `db`, `tables`, `migrations/`.

The web stack is the optional `serve` extra; `require_extra()` says what to
install when it is missing.  Importing this package loads nothing heavy.  Must
not import the CLI.
"""

from __future__ import annotations

import importlib.util

from checker.diagnostics import Diagnostic, DiagnosticError

EXTRA_MODULES = ("fastapi", "uvicorn", "sqlalchemy", "alembic", "jinja2", "python_multipart")


def require_extra() -> None:
    """Raise `DiagnosticError` (S800) when a module of the `serve` extra is not installed."""
    missing = [name for name in EXTRA_MODULES if importlib.util.find_spec(name) is None]
    if missing:
        raise DiagnosticError([Diagnostic(
            "S800", "the approvals office needs the `serve` extra, which is not installed "
            f"(missing: {', '.join(f'`{m}`' for m in missing)})",
            help="install it with `pip install 'plancheck[serve]'`")])
