"""Result: the one canonical, versioned outcome of a run, as plain data.

In: built by `checker.engine.evaluate`.  Out: frozen records (`model.Data`: declared
and used as pydantic models, pydantic imported only to validate, for its dumps or the
JSON Schema) that serialize to the canonical JSON (`to_json`) and export their JSON
Schema (`docs/result.schema.json`).  Every report format is rendered from this and
nothing else; `reports/` imports only this package.  Imports nothing else of ours.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Literal

from checker.result.model import Data, Field

if TYPE_CHECKING:
    from pydantic.json_schema import SkipJsonSchema

# /4 (2026-12-07): `Target.amount`, `RunningTotal.missing` and `RunningTotal.year_text`,
# the units a rule was written in and the years a running total lacks (issue 13); the
# records forbid extra fields, so a reader of /3 would refuse them.
# /5 (2026-12-07): `Citation.source` and `Citation.source_title`, the declared `source` a
# cite quotes (the city's or nation's plan), so reports stop calling its quote the plan's.
# /6 (2026-12-08): `Target.relative`, a level relative to a year's own in parts (base year,
# sign, change, value), so the zh table words it from data, not from the English `text`.
# /7 (2026-12-08): `Series.bounds`, the qualified figures of a series (`95以上`, `28-38`),
# so that charts show them beside the exact ones.
SCHEMA_VERSION = "plancheck.result/7"

OutcomeKind = Literal["pass", "fail", "unknown", "not_applicable", "pending", "error"]
Severity = Literal["error", "warning", "info"]
Trajectory = Literal["achieved", "ahead", "on_track", "lagging", "no_baseline"]
FailOn = Literal["error", "warning", "unknown", "never"]
# An indicator's standing as midterm evaluations word it: the four levels of a target not
# yet due (提前实现, 快于预期, 基本符合预期, 滞后于预期), pass or fail once it is due, and
# `unknown` / `no_baseline` (no value to start the straight line from) when undecided.
Status = Literal["achieved", "ahead", "on_track", "lagging", "pass", "fail", "unknown",
                 "no_baseline"]
STATUSES: tuple[Status, ...] = ("achieved", "ahead", "on_track", "lagging", "pass", "fail",
                                "unknown", "no_baseline")
# `annual`: each year's value against the target stated for that year (`target(x)`).
TargetShape = Literal["threshold", "cumulative", "growth", "trend", "relation", "milestone",
                      "annual", "other"]
OUTCOMES: tuple[OutcomeKind, ...] = ("pass", "fail", "unknown", "not_applicable", "pending",
                                     "error")


class Citation(Data):
    section: str
    quote: str
    line: int | None = None
    source: str | None = Field(default=None, description="the name of the declared `source` "
                               "quoted (`national`); none for the plan's own text")
    source_title: str | None = Field(default=None, description="that source's title, if "
                                     "declared")


class Location(Data):
    """Where something is: a file and line (rule files, YAML, CSV rows)."""

    path: str
    line: int | None = None
    column: int | None = None
    text: str = Field(description="human form, e.g. `proposals.yaml:3` or `batch.csv:row 17`")

    @staticmethod
    def of(path: str, line: int | None = None, *, row: bool = False) -> Location:
        """`file.yaml:12` (a line), `file.csv:row 17` (a table row) or `file` (no line)."""
        if not line:
            return Location.model_construct(path=path, line=None, column=None, text=path)
        text = f"{path}:row {line}" if row else f"{path}:{line}"
        return Location.model_construct(path=path, line=line, column=None, text=text)


class Amount(Data):
    value: float | None
    unit: str
    text: str


class Margin(Data):
    absolute: float
    relative: float | None
    text: str


class Clause(Data):
    role: Literal["guard", "require", "unless"]
    text: str
    value: bool | None = Field(description="true, false, or null when data was missing")
    # Which clause of the rule this is (guard first, then each require, then each unless)
    # and the year it was judged at: structured, so nothing parses them back out of `text`.
    # Not in the JSON of result version 1, whose `text` already says the year.
    index: SkipJsonSchema[int] = Field(default=-1, exclude=True)
    year: SkipJsonSchema[int | None] = Field(default=None, exclude=True)


class Evidence(Data):
    clauses: list[Clause] = Field(default=[])
    observed: Amount | None = None
    threshold: Amount | None = None
    margin: Margin | None = None
    values: dict[str, str] = Field(default={}, description="the data the rule read, as shown")
    years: list[int] = Field(default=[], description="years that fail or lack data (series)")
    missing: list[str] = Field(default=[], description="what was missing, for `unknown`")


class Detail(Data):
    """One descriptive field of a proposal (its name, town, zone …), as the data wrote it."""

    field: str = Field(description="the schema's field name (`name`, `town`, `zone`)")
    value: str


class Outcome(Data):
    rule: str
    subject: str
    subject_kind: Literal["record", "batch", "series"]
    subject_details: list[Detail] = Field(
        default=[], description="for a proposal: its text and enum fields other than the id "
        "(name, town, zone …) in schema order, so a report can say what the id is")
    outcome: OutcomeKind
    severity: Severity
    message: str
    trajectory: Trajectory | None = None
    waived_by: str | None = None
    origin: Location | None = None
    evidence: Evidence | None = None


class RuleSummary(Data):
    id: str
    title: str | None
    kind: Literal["binding", "anticipatory"]
    severity: Severity
    subject: Literal["record", "batch", "series"]
    constraints: list[str]
    citations: list[Citation]
    location: Location
    counts: dict[OutcomeKind, int]
    listed: int = Field(description="outcomes of this rule listed in `outcomes` "
                        "(big batches list the first ones in subject order)")


class Point(Data):
    year: int
    value: float | None


class PartPoint(Data):
    """A value of a part of a year (`2022H1`, `2021-04`): shown beside the annual path,
    never read by an annual rule."""

    period: str
    end: str  # ISO date of the period's last day
    value: float | None  # None for a qualified figure: see `text`
    text: str


class BoundPoint(Data):
    """A qualified figure of a year (`95以上`, `28-38`, `5.0左右` read with its tolerance): the
    bounds it sets, as the engine reasons with them, and the words as published."""

    year: int
    low: float | None = Field(description="null: no lower bound")
    high: float | None = Field(description="null: no upper bound")
    text: str


class Series(Data):
    """One indicator's path in one region, with the targets that bear on it (for charts)."""

    indicator: str
    name: str | None
    region: str
    kind: Literal["actual", "target"]
    unit: str
    points: list[Point]
    targets: list[Point] = Field(default=[])
    rules: list[str] = Field(default=[])
    parts: list[PartPoint] = Field(default=[])  # values of parts of a year, in period order
    bounds: list[BoundPoint] = Field(default=[])  # qualified figures of years, in year order


class Observation(Data):
    """One value of an indicator as the data gave it, with what the row said about it."""

    year: int
    period: str = Field(description="the period as written (`2023`, later `2022H1`)")
    value: float | None
    text: str = Field(description="the value with its unit, as shown")
    source: str | None = None
    note: str | None = None
    basis: str | None = None
    qualifier: str | None = None
    origin: Location | None = None


Why = Literal["holds", "fails", "error", "missing", "no_data", "each_year", "holds_now",
              "fails_now", "met_early", "line", "no_line", "not_applicable"]


class Facts(Data):
    """Why a target has its status, as data: each report words it in its language."""

    why: Why
    years: list[int] = Field(default=[], description="years that fail or lack data")
    latest: int | None = Field(default=None, description="the year judged")
    deadline: int | None = None
    base_year: int | None = Field(default=None, description="start of the straight line")
    done: float | None = Field(default=None, description="share of the planned change done")
    elapsed: float | None = Field(default=None, description="share of the time gone")
    missing: list[str] = Field(default=[], description="`indicator year` values missing")
    note: str = ""


class RelativeLevel(Data):
    """A level relative to a year's own (`x >= (x at 2020) + 0.8 岁`, 较2020年提高0.8岁): its
    parts, so that each report words it in its language without parsing `text`."""

    op: str = Field(description="`<=`, `>=`, … between the level and the moved base")
    base_year: int = Field(description="the year whose level the target moves from")
    sign: Literal["+", "-"] = Field(description="`+`: raised by `change`; `-`: lowered")
    change: str = Field(description="the change as the rule states it (`0.8 岁`), a "
                        "reading by its value")
    value: str | None = Field(default=None, description="the level it comes to in the year "
                              "judged (`78.73 岁`), when the data gave the base year")


class Target(Data):
    """One constraint of a rule on an indicator: what it asks, by when, and how it stands."""

    rule: str
    constraint: str = Field(description="the constraint's text in the rule language")
    shape: TargetShape
    op: str | None = Field(description="`<=`, `>=`, … ; `rises` / `falls` for trends")
    value: float | None = Field(description="the threshold, when constant (in `unit`)")
    unit: str
    text: str = Field(description="what is asked, as shown: `< 37 μg/m³`, `rises each year`")
    amount: str | None = Field(default=None, description="a constant target's amount as the "
                               "rule wrote it (`5 万个` where `value` is 50000); else null")
    deadline: int
    first_year: int | None = Field(default=None,
                                   description="for `each year in A..B`: A (else null)")
    relative: RelativeLevel | None = Field(default=None, description="a level relative to "
                                           "a year's own, in parts (else null)")
    status: Status | None = Field(description="null when the constraint does not apply")
    reason: str = Field(default="", description="why, in English (`facts` as data)")
    facts: Facts | None = None


class RunningTotal(Data):
    """A cumulative target's sum so far: what 最新值 means for `累计 >= 13`."""

    first_year: int = Field(description="the first year summed (the target's range starts)")
    year: int = Field(description="the last year summed: the latest value's, or the last "
                      "one before a year with no value when that year's flow is open (the "
                      "year the target was judged at)")
    value: float = Field(description="the sum, in the row's unit; where a year before "
                         "`year` is missing, the least sum (each missing year at its "
                         "indicator's declared range end, a new count at 0) and `text` "
                         "says `≥`")
    text: str = Field(description="the sum with its unit, as shown (in the unit the rule "
                      "wrote its target in: `1.2 万个`)")
    missing: list[int] = Field(default=[], description="the years of the range, "
                               "to the latest value's, with no value: why `year` is earlier, "
                               "or why `value` is a bound")
    year_text: str = Field(default="", description="the latest year's own figure, in the "
                           "sum's unit")


class IndicatorRow(Data):
    """One row of the evaluation table: an indicator in one region (or a stated plan)."""

    indicator: str
    name: str | None
    region: str
    subject: str = Field(description="the subject of the outcomes: region, or `region (target)`")
    subject_kind: Literal["actual", "target"]
    unit: str
    kind: Literal["binding", "anticipatory"] | None = Field(
        description="the catalogue's kind (约束性 / 预期性)")
    base: Observation | None = Field(description="the value at the plan's baseline year, or the "
                                 "last one before it")
    latest: Observation | None = Field(description="the latest value up to --as-of (for a "
                                   "stated plan: its latest stated target)")
    running_total: RunningTotal | None = Field(
        default=None, description="for a cumulative target (`total(x, 2021..2025) >= 13`): "
        "the sum so far, from the target's first year to `latest`'s — the figure its status "
        "is computed on (`latest` stays the last year's own value)")
    targets: list[Target]
    status: Status
    reason: str = Field(description="why the status is what it is, in words")
    rules: list[str] = Field(description="every rule that reads the indicator here, "
                             "trend and relation rules included")
    quote: str | None = Field(default=None, description="the plan's sentence (first rule)")
    section: str | None = None


class Input(Data):
    path: str
    kind: Literal["records", "plan_data"]
    rows: int


class SuiteInfo(Data):
    plan: str
    title: str | None
    period: tuple[int, int]
    rules: int
    files: list[str]
    language: str | None = Field(default=None, description="the language the suite declares "
                                 "for its reports (`zh`, `en`), if any")


class Summary(Data):
    subjects: int
    outcomes: dict[OutcomeKind, int]
    errors: int
    warnings: int
    complete: bool = Field(description="true when passing outcomes are listed one by one")
    exit_code: int


YearMet = Literal["met", "missed", "undecided_met"]
Better = Literal["higher", "lower"]


class YearTarget(Data):
    """One target an annual plan states for the `--as-of` year against that year's actual:
    the annual plan execution table.  A qualified target (`6%以上`, `5.0左右`, `突破1300`)
    is shown as published and judged by the end its words allow; a qualified actual
    (`95%以上`) decides only when every value it allows agrees."""

    indicator: str
    name: str | None
    region: str
    unit: str
    year: int
    basis: str | None = Field(description="the basis the target is stated on (`扣除疫苗`)")
    target: float | None = Field(description="the target as one number; None when qualified")
    target_text: str = Field(description="the target as published, with its unit")
    actual: float | None = Field(description="the year's actual as one number, if it is one")
    actual_text: str = Field(description="the actual as published, with its unit; empty "
                             "when the data has none")
    actual_basis: str | None = Field(description="the basis of the actual read")
    better: Better | None = Field(
        description="which way is better, from the plan's targets or the catalogue")
    met: YearMet
    reason: str


class Result(Data):
    schema_version: Literal["plancheck.result/7"] = "plancheck.result/7"
    tool: str = "plancheck"
    suite: SuiteInfo
    as_of: int
    fail_on: FailOn
    inputs: list[Input]
    rules: list[RuleSummary]
    outcomes: list[Outcome]
    series: list[Series] = Field(default=[])
    indicators: list[IndicatorRow] = Field(default=[], description="the evaluation table: "
                                           "each indicator × region the rules judge")
    annual: list[YearTarget] = Field(default=[], description="the annual plan execution "
                                     "table: each target stated for the as-of year")
    notes: list[str] = Field(default=[], description="what the run did not check, and why "
                             "(e.g. plan data about regions or indicators no rule covers)")
    summary: Summary

    def to_json(self) -> str:
        """Canonical JSON: sorted keys, UTF-8, two-space indent, newline at the end.

        orjson rather than the standard library: a report of 20,000 outcomes takes
        0.1 s instead of 8 s, with the same determinism.  Imported here: it brings
        `uuid` and `platform`, which a text report never needs (start-up, issue 16).
        The data is `plain(self)`, what `model_dump(mode="json")` gives."""
        import orjson

        data = plain(self)
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode() \
            + "\n"

    @staticmethod
    def from_json(text: str) -> Result:
        return Result.model_validate_json(text)

    def to_look_at(self) -> list[Outcome]:
        """Outcomes a person must look at: everything but pass and not_applicable."""
        return [o for o in self.outcomes if o.outcome not in ("pass", "not_applicable")]


def plain(model: Data) -> dict[str, object]:
    """`model.model_dump(mode="json")` without pydantic: building its serializer (and
    importing it) was a large part of a one-proposal check (start-up, issue 16).  The
    result models hold only models, lists, tuples, dicts, strings, numbers, booleans and
    None; a `float` field's int or numpy number is a float, as pydantic writes it
    (tests/unit/test_result_plain.py holds this to pydantic's own dump)."""
    floats = _float_fields(type(model))
    dumped: dict[str, object] = {}
    for name in _included(type(model)):
        value = getattr(model, name)
        dumped[name] = float(value) if name in floats and value is not None else _plain(value)
    return dumped


def _plain(value: object) -> object:
    if isinstance(value, Data):
        return plain(value)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


_INCLUDED: dict[type[Data], tuple[str, ...]] = {}
_FLOATS: dict[type[Data], frozenset[str]] = {}
_FLOAT = ("float", "float | None")  # the annotations, as written here


def _included(cls: type[Data]) -> tuple[str, ...]:
    """The fields a dump writes (not those declared `exclude=True`), once per class."""
    if cls not in _INCLUDED:
        _INCLUDED[cls] = tuple(name for name, info in cls.model_fields.items()
                               if not info.exclude)
    return _INCLUDED[cls]


def _float_fields(cls: type[Data]) -> frozenset[str]:
    """Fields declared `float` or `float | None`: pydantic writes an int in them as 3.0."""
    if cls not in _FLOATS:
        _FLOATS[cls] = frozenset(name for name, info in cls.model_fields.items()
                                 if info.annotation in _FLOAT)
    return _FLOATS[cls]


def json_schema() -> str:
    schema = Result.model_json_schema()
    schema["$id"] = "https://plancheck.dev/schema/result-2.json"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
