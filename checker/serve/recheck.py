"""Re-check: would a new suite still approve what was approved? (a what-if before deploying)

In: the ledger database and an `Office` opened on the new rules (and plan data).
Out: `Recheck` — for every approved proposal, the binding rules of the new
suite it would fail; and each quota of the new suite with everything approved
counted (cap, used, remaining).  Nothing is written.  Imports `office`,
`decisions`, `tables`; sqlalchemy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from checker.serve.db import reading
from checker.serve.decisions import BLOCKING
from checker.serve.office import Office
from checker.serve.tables import proposals


@dataclass
class Recheck:
    approved: int = 0
    failing: list[dict[str, Any]] = field(default_factory=list)
    quotas: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failing and all(q["holds"] is True for q in self.quotas)

    def to_json(self) -> dict[str, Any]:
        return {"approved": self.approved, "failing": self.failing, "quotas": self.quotas,
                "ok": self.ok}

    def text(self) -> str:
        lines = [f"rechecked {self.approved} approved proposal"
                 f"{'s' if self.approved != 1 else ''} against the new rules"]
        for item in self.failing:
            lines.append(f"fail  #{item['id']} {item['record_id']}")
            lines += [f"        {o['rule']}: {o['message']}" for o in item["outcomes"]]
        for quota in self.quotas:
            mark = {True: "ok  ", False: "over", None: "?   "}[quota["holds"]]
            text = quota["text"]
            lines.append(f"{mark}  {quota['rule']}: cap {text['cap']}, used {text['used']}, "
                         f"remaining {text['remaining']}")
        lines.append("every approval still holds" if self.ok
                     else f"{len(self.failing)} approved proposal(s) fail the new rules"
                     + ("; a quota is exceeded or undecided" if any(
                         q["holds"] is not True for q in self.quotas) else ""))
        return "\n".join(lines) + "\n"


def recheck(office: Office, engine: Engine) -> Recheck:
    with reading(engine) as connection:
        rows = connection.execute(sa.select(proposals.c.id, proposals.c.record_id,
                                            proposals.c.body)
                                  .where(proposals.c.status == "approved")
                                  .order_by(proposals.c.id)).all()
    report = Recheck(approved=len(rows))
    bodies = []
    for row in rows:
        result, parsed = office.check(row.body.encode("utf-8"), ".json")
        bodies += parsed
        failing = [o for o in result.outcomes if o.subject_kind == "record"
                   and o.severity == "error" and o.outcome in BLOCKING]
        if failing:
            report.failing.append({"id": row.id, "record_id": row.record_id, "outcomes": [
                json.loads(o.model_dump_json()) for o in failing]})
    report.quotas = [s.to_json() for s in office.standings(bodies)]
    return report
