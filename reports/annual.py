"""The annual plan execution table: for the `--as-of` year, the year's target, the year's
actual and met / missed, with the plan's five-year target and trajectory beside them.

In: a `Result`.  Out: one `AnnualRow` per target the result's `annual` table holds (every
plan-data row of kind `target` for the `--as-of` year, judged by the engine: a qualified
target such as `6%以上` shown as published and judged by the end its words allow; met /
missed undecided, never guessed, when nothing says which way is better), beside the
evaluation table's row of the indicator.  Imports only `checker.result` and the reports'
own words.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.result import IndicatorRow, Result, Status, YearMet, YearTarget
from reports import evaluation as ev
from reports import i18n
from reports.i18n import Lang

Met = YearMet


@dataclass(frozen=True)
class AnnualRow:
    """One indicator in one region (on one basis) in the `--as-of` year."""

    indicator: str
    name: str
    region: str
    unit: str
    year_target: float | None  # None for a qualified target: see `target_text`
    target_text: str
    year_actual: float | None
    actual_text: str
    met: Met
    reason: str
    plan: IndicatorRow | None  # the evaluation table's row: the five-year target, status
    basis: str | None = None  # the basis the target is stated on (shown in the texts)

    @property
    def status(self) -> Status | None:
        return self.plan.status if self.plan else None


def rows(result: Result) -> list[AnnualRow]:
    """The annual table for `result.as_of`, in the result's (catalogue) order."""
    table = {(r.indicator, r.region): r for r in result.indicators if r.subject_kind == "actual"}
    return [_row(found, table.get((found.indicator, found.region))) for found in result.annual
            if found.year == result.as_of]


def _row(found: YearTarget, plan: IndicatorRow | None) -> AnnualRow:
    target = found.target_text + (f" ({found.basis})" if found.basis else "")
    actual = found.actual_text
    if actual and found.actual_basis:
        actual += f" ({found.actual_basis})"
    elif actual and found.basis:  # the data gives no actual on the target's basis
        actual += " (default basis)"
    return AnnualRow(found.indicator, found.name or found.indicator, found.region, found.unit,
                     found.target, target, found.actual, actual, found.met, found.reason, plan,
                     found.basis)


def shown(row: AnnualRow, lang: Lang) -> dict[str, str]:
    """The row as text in the language, keyed by `COLUMNS`."""
    return {"name": row.name, "region": row.region,
            "year_target": row.target_text,
            "year_actual": row.actual_text, "year_result": i18n.word(row.met, lang),
            "plan_target": ev.targets_text(row.plan, lang, compact=True) if row.plan else "",
            "status": i18n.status(row.status, lang) if row.status else ""}


COLUMNS = ("name", "region", "year_target", "year_actual", "year_result", "plan_target",
           "status")


def heading(key: str, year: int, lang: Lang) -> str:
    return i18n.word(key, lang, year=year)
