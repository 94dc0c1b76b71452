"""The ledger: an append-only history of decisions, each entry chained to the one before.

In: a connection inside a write transaction (`db.writing`), who acted, what they
did, on which proposal, with what result, under which suite and plan data.  Out:
the new entry, its `hash` = SHA-256 of its canonical JSON including the previous
entry's hash, and the head row moved to it — in the caller's transaction, so a
crash leaves the ledger as it was.  `verify` walks the chain and reports every
edited, inserted or deleted entry, and every proposal whose status the ledger
does not explain, as diagnostics (S840–S843).  Imports sqlalchemy and
`tables`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checker.diagnostics import Diagnostic
from checker.serve.db import now
from checker.serve.tables import GENESIS, ledger, ledger_head, proposals

# The status each action leaves a proposal in (`refuse` is an approval that was refused).
STATUS_AFTER = {"submit": "submitted", "approve": "approved", "refuse": "submitted",
                "reject": "rejected", "withdraw": "withdrawn"}
HASHED = ("seq", "at", "actor", "action", "proposal_id", "payload", "suite_digest",
          "data_digest", "prev_hash")


def canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def digest_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def entry_hash(entry: Mapping[str, Any]) -> str:
    return digest_of(canonical({k: entry[k] for k in HASHED}))


def append(connection: Connection, *, actor: str, action: str, proposal_id: int | None,
           payload: Mapping[str, Any], suite_digest: str, data_digest: str) -> dict[str, Any]:
    """Add an entry after the head (the caller holds the decision lock)."""
    head = connection.execute(sa.select(ledger_head.c.seq, ledger_head.c.hash)
                              .where(ledger_head.c.id == 1)).one()
    entry: dict[str, Any] = {
        "seq": head.seq + 1, "at": now(), "actor": actor, "action": action,
        "proposal_id": proposal_id, "payload": canonical(payload),
        "suite_digest": suite_digest, "data_digest": data_digest, "prev_hash": head.hash}
    entry["hash"] = entry_hash(entry)
    connection.execute(ledger.insert().values(**entry))
    connection.execute(ledger_head.update().where(ledger_head.c.id == 1)
                       .values(seq=entry["seq"], hash=entry["hash"]))
    return entry


def entries(connection: Connection, after: int = 0, limit: int | None = None,
            proposal_id: int | None = None) -> list[dict[str, Any]]:
    query = sa.select(ledger).where(ledger.c.seq > after).order_by(ledger.c.seq)
    if proposal_id is not None:
        query = query.where(ledger.c.proposal_id == proposal_id)
    if limit is not None:
        query = query.limit(limit)
    return [dict(row._mapping) for row in connection.execute(query)]


def shown(entry: Mapping[str, Any]) -> dict[str, Any]:
    """An entry as the API gives it: the payload as JSON, not text."""
    return {**entry, "payload": json.loads(entry["payload"])}


def verify(connection: Connection) -> tuple[int, list[Diagnostic]]:
    """How many entries were checked, and every break in the chain."""
    problems: list[Diagnostic] = []
    previous_seq, previous_hash = 0, GENESIS
    status: dict[int, str] = {}
    bodies: dict[int, str] = {}
    for entry in _walk(connection):
        seq = entry["seq"]
        if seq != previous_seq + 1:
            gone = (f"entry {previous_seq + 1} is" if seq - 1 == previous_seq + 1
                    else f"entries {previous_seq + 1}–{seq - 1} are")
            problems.append(_problem("S841", f"ledger {gone} missing before entry {seq}",
                                     "an entry was deleted"))
        if entry["prev_hash"] != previous_hash:
            problems.append(_problem("S841", f"entry {seq} does not follow entry "
                                     f"{previous_seq}: its `prev_hash` is not that entry's hash",
                                     "an entry before it was deleted, edited or inserted"))
        if entry_hash(entry) != entry["hash"]:
            problems.append(_problem("S840", f"entry {seq} was altered: its content does not "
                                     "match its hash", "compare it with a backup or an export "
                                     "of the ledger"))
        if entry["proposal_id"] is not None and entry["action"] in STATUS_AFTER:
            status[entry["proposal_id"]] = STATUS_AFTER[entry["action"]]
            if entry["action"] == "submit":
                bodies[entry["proposal_id"]] = _payload(entry).get("body_digest", "")
        previous_seq, previous_hash = seq, entry["hash"]
    problems += _head(connection, previous_seq, previous_hash)
    problems += _statuses(connection, status, bodies)
    return previous_seq, problems


def _walk(connection: Connection) -> Iterator[dict[str, Any]]:
    result = connection.execution_options(yield_per=500).execute(
        sa.select(ledger).order_by(ledger.c.seq))
    for row in result:
        yield dict(row._mapping)


def _head(connection: Connection, seq: int, digest: str) -> list[Diagnostic]:
    head = connection.execute(sa.select(ledger_head.c.seq, ledger_head.c.hash)
                              .where(ledger_head.c.id == 1)).one_or_none()
    if head is None:
        return [_problem("S842", "the ledger head is missing", "the database was edited by hand")]
    if head.seq != seq or head.hash != digest:
        return [_problem("S842", f"the ledger ends at entry {seq}, but its head says "
                         f"{head.seq}", "entries at the end were deleted (or the head edited)")]
    return []


def _statuses(connection: Connection, status: dict[int, str],
              bodies: dict[int, str]) -> list[Diagnostic]:
    """Each proposal as the ledger left it: its status, and the body that was submitted."""
    found = []
    for row in connection.execute(sa.select(proposals.c.id, proposals.c.status,
                                            proposals.c.body).order_by(proposals.c.id)):
        expected = status.get(row.id)
        if expected != row.status:
            said = f"`{expected}`" if expected else "nothing"
            found.append(_problem("S843", f"proposal {row.id} is `{row.status}`, but the ledger "
                                  f"says {said}", "its status was changed outside the service"))
        elif bodies.get(row.id) != digest_of(row.body):
            found.append(_problem("S843", f"proposal {row.id} is not the proposal that was "
                                  "submitted: its text does not match the ledger's digest",
                                  "its body was changed outside the service"))
    return found


def _payload(entry: Mapping[str, Any]) -> dict[str, Any]:
    try:
        value = json.loads(entry["payload"])
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _problem(code: str, message: str, help: str) -> Diagnostic:
    return Diagnostic(code, message, help=help)
