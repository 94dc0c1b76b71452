"""Alembic migrations of the ledger database: `env.py` and one module per revision.

Run by `checker.serve.db.upgrade` (every `plancheck serve`, `token`, `ledger`
command brings the database to the newest revision first, in one transaction,
so an upgrade never loses a ledger).  Imports alembic and sqlalchemy.
"""
