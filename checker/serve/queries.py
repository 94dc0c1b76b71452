"""Reading the ledger database: proposals, one proposal with its history, quotas, entries.

In: a connection (`db.reading`) and the `Office`.  Out: plain JSON-able
values — what the API answers and the pages show, from one definition.  A
proposal's quotas are its share on top of everything else approved (for an
approved proposal, the share it holds).  Imports sqlalchemy, `tables`,
`ledger`, `office`, `decisions`; not the web framework.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checker.serve import ledger
from checker.serve.decisions import approved_rows
from checker.serve.office import Office
from checker.serve.tables import ledger_head, proposals, tokens

STATUSES = ("submitted", "approved", "rejected", "withdrawn")
_LISTED = (proposals.c.id, proposals.c.record_id, proposals.c.name, proposals.c.status,
           proposals.c.created_at, proposals.c.updated_at, proposals.c.result,
           tokens.c.name.label("submitter"))


def listing(connection: Connection, status: str | None, limit: int, offset: int
            ) -> dict[str, Any]:
    query = sa.select(*_LISTED).join(tokens, tokens.c.id == proposals.c.submitted_by)
    count = sa.select(sa.func.count()).select_from(proposals)
    if status is not None:
        query = query.where(proposals.c.status == status)
        count = count.where(proposals.c.status == status)
    rows = connection.execute(query.order_by(proposals.c.id).limit(limit).offset(offset))
    return {"proposals": [_brief(row._mapping) for row in rows],
            "total": connection.execute(count).scalar_one(), "limit": limit, "offset": offset}


def _brief(row: Any) -> dict[str, Any]:
    summary = json.loads(row["result"])["summary"]
    return {"id": row["id"], "record_id": row["record_id"], "name": row["name"],
            "status": row["status"], "submitter": row["submitter"],
            "created_at": row["created_at"], "updated_at": row["updated_at"],
            "errors": summary["errors"], "warnings": summary["warnings"]}


def proposal(office: Office, connection: Connection, number: int) -> dict[str, Any] | None:
    row = connection.execute(sa.select(*_LISTED, proposals.c.body, proposals.c.submitted_by,
                                       proposals.c.suite_digest, proposals.c.data_digest)
                             .join(tokens, tokens.c.id == proposals.c.submitted_by)
                             .where(proposals.c.id == number)).one_or_none()
    if row is None:
        return None
    mapping = row._mapping
    body = json.loads(mapping["body"])
    return {**_brief(mapping), "submitted_by": mapping["submitted_by"], "body": body,
            "result": json.loads(mapping["result"]),
            "suite_digest": mapping["suite_digest"], "data_digest": mapping["data_digest"],
            "quotas": quotas(office, connection, number, body)["quotas"],
            "history": [ledger.shown(e) for e in ledger.entries(connection,
                                                                proposal_id=number)]}


def quotas(office: Office, connection: Connection, number: int | None = None,
           body: dict[str, Any] | None = None) -> dict[str, Any]:
    """Each quota with what is approved; with proposal `number`'s share when given."""
    approved = [(i, b) for i, b in approved_rows(connection) if i != number]
    candidates = [body] if body is not None else []
    standings = office.standings([b for _, b in approved], candidates)
    return {"quotas": [s.to_json() for s in standings], "approved": len(approved)
            + (1 if number is not None and _is_approved(connection, number) else 0),
            "as_of": office.as_of, "plan_data": office.data_shown or None}


def _is_approved(connection: Connection, number: int) -> bool:
    status = connection.execute(sa.select(proposals.c.status).where(
        proposals.c.id == number)).scalar_one_or_none()
    return status == "approved"


def entries(connection: Connection, after: int, limit: int) -> dict[str, Any]:
    listed = [ledger.shown(e) for e in ledger.entries(connection, after, limit)]
    head = connection.execute(sa.select(ledger_head.c.seq, ledger_head.c.hash)
                              .where(ledger_head.c.id == 1)).one()
    return {"entries": listed, "head": {"seq": head.seq, "hash": head.hash}}
