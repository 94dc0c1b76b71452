"""Writers: items -> json, csv, or a plan-data table `plancheck check` reads.

In: `Item`s, and for `data` the suite's indicators, region and what this
version's loader reads (`DataOptions`).  Out: text — `{"items": [...]}`, a CSV of
the same columns, or a plan-data CSV in the data contract (indicator, region,
year, value, unit, source, kind[, note, basis]) with `source` = `file:line` and
the quoted words.  An item the table cannot hold (no indicator of the suite, no
year, a period or bound the loader cannot read, a second value for one data
point) is not written and is named in `Written.left_out`, never dropped
silently.  Imports `items`, `syntax.unparse` (exact numbers) and `types`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from fractions import Fraction

from checker.syntax.unparse import number
from checker.tools.extract.items import COLUMNS, Item
from checker.types.typed import IndicatorSpec
from checker.types.units import UnitTable

DATA_COLUMNS = ("indicator", "region", "year", "value", "unit", "source", "kind")
_BOUND_TEXT = {">=": "{}以上", ">": ">{}", "<=": "{}以内", "<": "<{}", "~=": "{}左右"}
_YEAR = re.compile(r"\d{4}")
_PERIOD = re.compile(r"\d{4}(?:H[12]|Q[1-4]|-\d{2})")
_BASIS = re.compile(r"扣除([^ ]{1,12}?)影响")


def value_text(value: Fraction | bool | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return number(value)


def _json_value(value: Fraction | bool | None) -> object:
    if value is None or isinstance(value, bool):
        return value
    if value.denominator == 1:
        return value.numerator
    text = number(value)
    return float(value) if "/" in text else float(text)


def to_json(items: list[Item]) -> str:
    rows = [{c: _json_value(i.value) if c == "value" else getattr(i, c) for c in COLUMNS}
            for i in items]
    return json.dumps({"items": rows}, ensure_ascii=False, indent=2) + "\n"


def to_csv(items: list[Item]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for i in items:
        writer.writerow([value_text(i.value) if c == "value" else getattr(i, c) for c in COLUMNS])
    return out.getvalue()


@dataclass(frozen=True)
class DataOptions:
    """What the plan-data loader of this version reads beyond the round-one contract."""

    columns: tuple[str, ...] = ()  # note, basis
    qualified: bool = False  # values such as `95以上`
    periods: bool = False  # years such as `2022H1`


@dataclass
class Written:
    text: str
    rows: int
    left_out: list[tuple[Item, str]] = field(default_factory=list)


def to_data(items: list[Item], indicators: dict[str, IndicatorSpec], units: UnitTable,
            region: str, options: DataOptions) -> Written:
    columns = [*DATA_COLUMNS, *(c for c in ("note", "basis") if c in options.columns)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    written = Written("", 0)
    seen: dict[tuple[str, str, str], str] = {}
    for item in items:
        row = _row(item, indicators, units, region, options)
        if isinstance(row, str):
            if (item.kind != "other" and item.numeric) or item.value is True:
                written.left_out.append((item, row))
            continue
        key = (row["indicator"], row["year"], row["kind"])
        if seen.get(key, row["value"]) != row["value"]:
            written.left_out.append((item, f"a second value for {'/'.join(key)} "
                                           f"(first: {seen[key]})"))
            continue
        if key in seen:
            continue
        seen[key] = row["value"]
        writer.writerow([row.get(c, "") for c in columns])
        written.rows += 1
    written.text = out.getvalue()
    return written


def _row(item: Item, indicators: dict[str, IndicatorSpec], units: UnitTable, region: str,
         options: DataOptions) -> dict[str, str] | str:
    if item.kind not in ("actual", "target"):
        return "not a target or a reported value"
    spec = indicators.get(item.indicator)
    if spec is None:
        return "its name is no indicator of the suite"
    year = _year(item.period, options)
    if isinstance(year, tuple):
        return year[0]
    value = _value(item, spec, units, options)
    if isinstance(value, tuple):
        return value[0]
    basis = _BASIS.search(item.qualifier)
    if basis and "basis" not in options.columns:
        return f"its basis `{basis.group()}` needs a `basis` column this loader does not read"
    note = " ".join(w for w in item.qualifier.split() if not _BASIS.fullmatch(w))
    source = f"{item.file}:{item.line} “{item.quote}”"
    if note and "note" not in options.columns:
        source += f" ({note})"
    return {"indicator": spec.id, "region": region, "year": year, "value": value,
            "unit": _unit(item, spec), "source": source, "kind": item.kind,
            "note": note, "basis": f"扣除{basis.group(1)}" if basis else ""}


def _year(period: str, options: DataOptions) -> str | tuple[str]:
    if _YEAR.fullmatch(period):
        return period
    if not period:
        return ("the text gives no year",)
    if _PERIOD.fullmatch(period) and options.periods:
        return period
    return (f"its period `{period}` is not a year this loader reads",)


def _value(item: Item, spec: IndicatorSpec, units: UnitTable, options: DataOptions
           ) -> str | tuple[str]:
    if item.value is True:
        return "true" if spec.unit is None else ("a milestone for a quantity indicator",)
    magnitude = item.magnitude()
    if magnitude is None or spec.unit is None:
        return ("no value",)
    if item.known is not None and units.resolve(item.unit) is None:
        magnitude = magnitude * item.known.ratio_to(spec.unit)
    shown = number(magnitude)
    pattern = _BOUND_TEXT.get(item.op)
    if pattern is None:
        return shown
    if not options.qualified:
        return (f"its value is a bound (`{pattern.format(shown)}`) this loader cannot read",)
    return pattern.format(shown)


def _unit(item: Item, spec: IndicatorSpec) -> str:
    assert spec.unit is not None or item.value is True
    if item.value is True or spec.unit is None:
        return ""
    return item.unit if item.unit and item.known is not None and item.factor == 1 \
        else spec.unit.symbol or spec.unit.name
