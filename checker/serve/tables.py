"""Tables of the ledger database (SQLAlchemy Core), as the latest migration leaves them.

In: nothing.  Out: `metadata` and one `Table` per concept — `tokens` (hashed
bearer tokens and their role), `proposals` (each submitted body, its status and
the result it was checked to), `ledger` (the append-only, hash-chained
history), `ledger_head` (one row: the last entry; every decision locks it),
`idempotency` (responses kept per `Idempotency-Key`).  The migrations in
`migrations/versions/` create exactly these; a test compares the two.  Imports
sqlalchemy only.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

tokens = sa.Table(
    "tokens", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("digest", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("revoked_at", sa.String(40), nullable=True),
)

proposals = sa.Table(
    "proposals", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("record_id", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=True),
    sa.Column("status", sa.String(20), nullable=False, index=True),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("result", sa.Text, nullable=False),
    sa.Column("submitted_by", sa.Integer, sa.ForeignKey("tokens.id"), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("updated_at", sa.String(40), nullable=False),
    sa.Column("suite_digest", sa.String(80), nullable=False),
    sa.Column("data_digest", sa.String(80), nullable=False),
)

ledger = sa.Table(
    "ledger", metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("actor", sa.String(260), nullable=False),
    sa.Column("action", sa.String(20), nullable=False),
    sa.Column("proposal_id", sa.Integer, nullable=True, index=True),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("suite_digest", sa.String(80), nullable=False),
    sa.Column("data_digest", sa.String(80), nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)

ledger_head = sa.Table(
    "ledger_head", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)

idempotency = sa.Table(
    "idempotency", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("token_id", sa.Integer, sa.ForeignKey("tokens.id"), nullable=False),
    sa.Column("key", sa.String(200), nullable=False),
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.Column("status", sa.Integer, nullable=False),
    sa.Column("response", sa.Text, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.UniqueConstraint("token_id", "key", name="uq_idempotency_token_key"),
)

GENESIS = "0" * 64  # the `prev_hash` of the first entry
