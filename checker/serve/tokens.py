"""Bearer tokens: created once, shown once, stored only as a SHA-256 digest, each with a role.

In: a role (`submitter`, `approver`, `admin`) and a name; a token presented by
a client.  Out: the new token text (`pc_…`, 256 random bits); the `Holder` a
presented token belongs to, or None (unknown or revoked).  `may(role, action)`
is the one table of who may do what.  Imports sqlalchemy and `tables`.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checker.diagnostics import Diagnostic, DiagnosticError
from checker.serve.db import now
from checker.serve.tables import tokens

Role = Literal["submitter", "approver", "admin"]
ROLES: tuple[Role, ...] = ("submitter", "approver", "admin")
PREFIX = "pc_"
# action -> roles that may do it; a submitter withdraws only what it submitted.
PERMISSIONS: dict[str, frozenset[str]] = {
    "check": frozenset(ROLES),
    "read": frozenset(ROLES),
    "submit": frozenset({"submitter", "admin"}),
    "decide": frozenset({"approver", "admin"}),
    "withdraw": frozenset(ROLES),
    "ledger": frozenset({"approver", "admin"}),
}


@dataclass(frozen=True)
class Holder:
    id: int
    name: str
    role: Role

    @property
    def actor(self) -> str:
        """How the ledger names who acted: `name (role #id)`."""
        return f"{self.name} ({self.role} #{self.id})"


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def may(role: str, action: str) -> bool:
    return role in PERMISSIONS[action]


def roles_for(action: str) -> list[str]:
    return [role for role in ROLES if role in PERMISSIONS[action]]


def create(connection: Connection, role: str, name: str) -> tuple[int, str]:
    """A new token of `role`: its id and its text (which is not stored)."""
    if role not in ROLES:
        raise DiagnosticError([Diagnostic("S812", f"unknown role `{role}`",
                                          help="roles: " + ", ".join(ROLES))])
    token = PREFIX + secrets.token_urlsafe(32)
    inserted = connection.execute(tokens.insert().values(
        name=name, role=role, digest=digest(token), created_at=now()))
    key = inserted.inserted_primary_key
    assert key is not None
    return int(key[0]), token


def holder(connection: Connection, token: str) -> Holder | None:
    """Who holds `token` (None when no live token has this digest)."""
    row = connection.execute(sa.select(tokens.c.id, tokens.c.name, tokens.c.role)
                             .where(tokens.c.digest == digest(token),
                                    tokens.c.revoked_at.is_(None))).one_or_none()
    return Holder(row.id, row.name, row.role) if row is not None else None


def listing(connection: Connection) -> list[dict[str, object]]:
    rows = connection.execute(sa.select(tokens.c.id, tokens.c.name, tokens.c.role,
                                        tokens.c.created_at, tokens.c.revoked_at)
                              .order_by(tokens.c.id))
    return [dict(row._mapping) for row in rows]


def revoke(connection: Connection, token_id: int) -> bool:
    done = connection.execute(tokens.update().where(tokens.c.id == token_id,
                                                    tokens.c.revoked_at.is_(None))
                              .values(revoked_at=now()))
    return bool(done.rowcount)
