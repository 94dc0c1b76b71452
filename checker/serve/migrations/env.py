"""Alembic environment: runs the migrations on the connection `db.upgrade` hands over.

In: `config.attributes["connection"]`, an open SQLAlchemy connection inside a
transaction.  Out: the schema at the requested revision.  Imports alembic and
`tables`.
"""

from __future__ import annotations

from alembic import context

from checker.serve.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True,
                  transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
