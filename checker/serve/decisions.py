"""Decisions on proposals: submit, approve, reject, withdraw — each one transaction.

In: the `Office` (suite, baseline, quotas), the database engine, who acts
(`Holder`), the proposal, and an optional `Idempotency-Key`.  Out: a `Reply`.
Every decision runs under the decision lock (`db.writing`): it reads the
proposal and everything approved *after* taking the lock, decides, updates the
proposal and appends to the ledger, and stores the reply under the key — all or
nothing.  An approval is refused (409, S832) when a binding rule fails for the
proposal, or when a quota would be exceeded (or cannot be decided) with it on
top of everything already approved; the refusal is recorded in the ledger too.
A repeated key gives the stored reply and does not act twice.  Imports `db`,
`ledger`, `tables`, `tokens`, `office`, `problems`; not the web framework.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from checker import result as r
from checker.diagnostics import Diagnostic, printable
from checker.serve import ledger
from checker.serve.db import now, reading, writing
from checker.serve.office import Office
from checker.serve.problems import Reply, one, problem
from checker.serve.quotas import Standing
from checker.serve.tables import idempotency, proposals
from checker.serve.tokens import Holder

Act = Callable[[Connection], Reply]
BLOCKING = ("fail", "error")  # outcomes of a binding rule that refuse an approval
FROM = {"approve": ("submitted",), "reject": ("submitted",),
        "withdraw": ("submitted", "approved")}
STATUS = {"approve": "approved", "reject": "rejected", "withdraw": "withdrawn"}


@dataclass(frozen=True)
class Desk:
    office: Office
    engine: Engine

    # ------------------------------------------------------------------ submit

    def submit(self, holder: Holder, body: dict[str, Any], result: r.Result,
               key: str | None, fingerprint: str) -> Reply:
        def act(connection: Connection) -> Reply:
            stamp, stored = now(), ledger.canonical(body)
            inserted = connection.execute(proposals.insert().values(
                record_id=printable(str(body.get("id", ""))), name=_text(body.get("name")),
                status="submitted", body=stored, result=result.to_json(),
                submitted_by=holder.id, created_at=stamp, updated_at=stamp,
                suite_digest=self.office.suite_digest, data_digest=self.office.data_digest))
            key_ = inserted.inserted_primary_key
            assert key_ is not None
            number = int(key_[0])
            self._log(connection, holder, "submit", number, {
                "record_id": body.get("id"), "body_digest": ledger.digest_of(stored),
                "summary": _summary(result)})
            return Reply(201, {"id": number, "status": "submitted",
                               "result": json.loads(result.to_json())})

        return self._once(holder, key, fingerprint, act)

    # ------------------------------------------------------------------ decide

    def decide(self, holder: Holder, action: str, number: int, reason: str | None,
               key: str | None, fingerprint: str) -> Reply:
        """approve, reject or withdraw proposal `number`."""
        own = self._own_findings(number) if action == "approve" else []

        def act(connection: Connection) -> Reply:
            row = connection.execute(sa.select(proposals).where(proposals.c.id == number)
                                     ).one_or_none()
            if row is None:
                return _missing(number)
            if action == "withdraw" and holder.role == "submitter" \
                    and row.submitted_by != holder.id:
                return one(403, "S812", f"proposal {number} was submitted by someone else",
                           "a submitter may withdraw only its own proposals")
            if row.status not in FROM[action]:
                return one(409, "S831", f"proposal {number} is `{row.status}`; it cannot be "
                           f"{_past(action)}", f"only a proposal that is "
                           f"{' or '.join(FROM[action])} can be {_past(action)}",
                           id=number, status=row.status)
            if action == "approve":
                return self._approve(connection, holder, row, own)
            return self._close(connection, holder, action, row, reason)

        return self._once(holder, key, fingerprint, act)

    def _own_findings(self, number: int) -> list[r.Outcome] | Reply:
        """The proposal checked alone (outside the lock: it reads no other proposal)."""
        with reading(self.engine) as connection:
            body = connection.execute(sa.select(proposals.c.body).where(
                proposals.c.id == number)).scalar_one_or_none()
        if body is None:
            return _missing(number)
        result, _ = self.office.check(body.encode("utf-8"), ".json")
        return [o for o in result.outcomes if o.subject_kind == "record"
                and o.severity == "error" and o.outcome in BLOCKING]

    def _approve(self, connection: Connection, holder: Holder, row: Any,
                 own: list[r.Outcome] | Reply) -> Reply:
        if isinstance(own, Reply):
            return own
        candidate = json.loads(row.body)
        approved = approved_bodies(connection)
        standings = self.office.standings(approved, [candidate])
        others = self._other_aggregates([*approved, candidate])
        refusals = [*own, *others]
        quotas = [s.to_json() for s in standings]
        over = [s for s in standings if s.holds is not True]
        if refusals or over:
            diagnostics = [*(_refusal(o) for o in refusals), *(_over(s) for s in over)]
            payload = {"decision": "refused", "reasons": [d.message for d in diagnostics],
                       "findings": [o.model_dump(mode="json") for o in refusals],
                       "quotas": quotas}
            entry = self._log(connection, holder, "refuse", row.id, payload)
            return problem(409, diagnostics, id=row.id, status=row.status,
                           findings=payload["findings"], quotas=quotas, ledger=entry["seq"])
        self._set(connection, row.id, "approved")
        entry = self._log(connection, holder, "approve", row.id,
                          {"decision": "approved", "quotas": quotas})
        return Reply(200, {"id": row.id, "status": "approved", "quotas": quotas,
                           "ledger": entry["seq"]})

    def _other_aggregates(self, bodies: Sequence[dict[str, Any]]) -> list[r.Outcome]:
        """Binding aggregate rules the quotas do not decide, on the float engine."""
        exact = self.office.exact_rules()
        rest = [rule for rule in self.office.checked.rules
                if rule.subject == "batch" and rule.id not in exact]
        if not rest:
            return []
        result = self.office.aggregates(bodies)
        return [o for o in result.outcomes if o.rule not in exact and o.subject_kind == "batch"
                and ((o.severity == "error" and o.outcome in BLOCKING)
                     or (o.outcome == "unknown" and _binding(self.office, o.rule)))]

    def _close(self, connection: Connection, holder: Holder, action: str, row: Any,
               reason: str | None) -> Reply:
        payload: dict[str, Any] = {"decision": STATUS[action], "reason": reason,
                                   "from": row.status}
        if row.status == "approved":  # a withdrawn approval gives its share back
            others = [b for i, b in approved_rows(connection) if i != row.id]
            payload["released"] = [s.to_json() for s in
                                   self.office.standings(others, [json.loads(row.body)])]
        self._set(connection, row.id, STATUS[action])
        entry = self._log(connection, holder, action, row.id, payload)
        return Reply(200, {"id": row.id, "status": STATUS[action], "ledger": entry["seq"],
                           **({"released": payload["released"]} if "released" in payload
                              else {})})

    # ------------------------------------------------------------------ plumbing

    def _set(self, connection: Connection, number: int, status: str) -> None:
        connection.execute(proposals.update().where(proposals.c.id == number)
                           .values(status=status, updated_at=now()))

    def _log(self, connection: Connection, holder: Holder, action: str, number: int,
             payload: dict[str, Any]) -> dict[str, Any]:
        return ledger.append(connection, actor=holder.actor, action=action,
                             proposal_id=number, payload=payload,
                             suite_digest=self.office.suite_digest,
                             data_digest=self.office.data_digest)

    def _once(self, holder: Holder, key: str | None, fingerprint: str, act: Act) -> Reply:
        """Run `act` under the decision lock, once per idempotency key."""
        with writing(self.engine) as connection:
            if key is None:
                return act(connection)
            stored = connection.execute(sa.select(idempotency).where(
                idempotency.c.token_id == holder.id, idempotency.c.key == key)).one_or_none()
            if stored is not None:
                if stored.fingerprint != fingerprint:
                    return one(422, "S833", f"idempotency key `{key}` was used for another "
                               "request", "use a new key for each new request")
                return Reply(stored.status, json.loads(stored.response))
            reply = act(connection)
            connection.execute(idempotency.insert().values(
                token_id=holder.id, key=key, fingerprint=fingerprint, status=reply.status,
                response=ledger.canonical(reply.body), created_at=now()))
            return reply


def fingerprint(method: str, path: str, body: bytes) -> str:
    return hashlib.sha256(method.encode() + b" " + path.encode() + b"\n" + body).hexdigest()


def approved_rows(connection: Connection) -> list[tuple[int, dict[str, Any]]]:
    rows = connection.execute(sa.select(proposals.c.id, proposals.c.body)
                              .where(proposals.c.status == "approved")
                              .order_by(proposals.c.id))
    return [(row.id, json.loads(row.body)) for row in rows]


def approved_bodies(connection: Connection) -> list[dict[str, Any]]:
    return [body for _, body in approved_rows(connection)]


def _refusal(outcome: r.Outcome) -> Diagnostic:
    return Diagnostic("S832", f"approval refused: {outcome.rule} {outcome.outcome}s for "
                      f"`{outcome.subject}`: {outcome.message}",
                      help="a binding rule must not fail for an approved proposal; revise the "
                      "proposal or refuse it")


def _over(s: Standing) -> Diagnostic:
    text = s.to_json()["text"]
    rule = s.quota.rule.id
    if s.holds is None:
        return Diagnostic("S832", f"approval refused: {rule} cannot be decided "
                          f"(`{s.quota.constraint.text}`: a value it needs is missing)",
                          help="missing data never passes: give the plan data the baseline "
                          "and the proposal the fields this quota sums")
    return Diagnostic("S832", f"approval refused: {rule} would be exceeded — cap "
                      f"{text['cap']}, used {text['used']}, this proposal {text['share']}, "
                      f"remaining {text['remaining']}",
                      help="the quota has less left than this proposal needs; reduce it, or "
                      "wait for an approved project to be withdrawn")


def _binding(office: Office, rule_id: str) -> bool:
    rule = office.rule(rule_id)
    return rule is not None and rule.kind == "binding"


def _missing(number: int) -> Reply:
    return one(404, "S830", f"no proposal {number}", "list them with `GET /v1/proposals`")


def _past(action: str) -> str:
    return {"approve": "approved", "reject": "rejected", "withdraw": "withdrawn"}[action]


def _summary(result: r.Result) -> dict[str, Any]:
    return result.summary.model_dump(mode="json")


def _text(value: object) -> str | None:
    return printable(value) if isinstance(value, str) else None
