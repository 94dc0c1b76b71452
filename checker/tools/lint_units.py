"""Lint: a unit the suite declares that nothing can use (L616).

In: the suite's own files (the prelude is not the author's) and the checked suite's
units.  Out: one warning per declared unit whose name and aliases no indicator, field,
quantity, `given`, reading or other unit's definition names, and whose dimension no
indicator or field has — so no plan-data or proposal file can use it either (a unit of
area such as `亿平方米` is declared for the data and converted into `m2`: not unused).  A
leftover of a draft, or a unit declared in the wrong dimension.  Unit references are
read from the model (never from comments or quotes, which mention units in prose), and a
compound unit (`t/(km2·30d)`) names each of its parts.  Imports `model`, `typed`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

from checker.diagnostics import Diagnostic
from checker.source import Span
from checker.syntax import model as m
from checker.types import typed as t

_PARTS = re.compile(r"[^\s/()·*^⋅×]+")
_VALUED = ("unit", "range", "about")  # indicator items whose text may name a unit


def unused_units(files: list[m.RuleFile], checked: t.CheckedSuite
                 ) -> Iterator[tuple[m.BaseUnit | m.DerivedUnit, str]]:
    """Each declared unit nothing names nor could read, with the text its declaration
    starts with."""
    named: set[str] = set()
    for file in files:
        for statement in file.statements:
            _mentions(statement, named)
    held = {spec.unit.dimension for spec in checked.indicators.values() if spec.unit}
    held |= {f.type.unit.dimension for schema in checked.schemas.values()
             for f in schema.fields.values() if isinstance(f.type, t.QuantityT)}
    for file in files:
        for statement in file.statements:
            if not isinstance(statement, m.BaseUnit | m.DerivedUnit) or \
                    {statement.name, *statement.aliases} & named:
                continue
            unit = checked.units.resolve(statement.name)
            if unit is not None and unit.dimension not in held:
                yield statement, f"unit {statement.name}"


def _mentions(node: Any, named: set[str]) -> None:
    """The unit spellings `node` names, and its children's (a unit's own name is not one)."""
    if isinstance(node, tuple | list):
        for item in node:
            _mentions(item, named)
        return
    if not dataclasses.is_dataclass(node) or isinstance(node, type):
        return
    texts: list[str | None] = []
    match node:
        case m.Quantity(unit=unit) | m.GivenSeries(unit=unit):
            texts.append(unit)
        case m.DerivedUnit(of=of):
            texts.append(of)
        case m.SimpleType(name=name):
            texts.append(name)
        case m.IndicatorItem(key=key, value=value) if key in _VALUED:
            texts.append(value)
    for text in texts:
        if text:
            named.add(text)
            named.update(_PARTS.findall(re.sub(r"[-+]?\d[\d.,]*", " ", text)))
    for item in dataclasses.fields(node):
        if item.name not in ("span", "comments", "trailing", "end_comments"):
            _mentions(getattr(node, item.name), named)


def l616(unit: m.BaseUnit | m.DerivedUnit, text: str, severity: str) -> Diagnostic:
    span = unit.span
    return Diagnostic("L616", f"no indicator, field, rule or test uses unit `{unit.name}`",
                      Span(span.file, span.line, span.column, span.line,
                           span.column + len(text)), "unused",
                      "use it, or drop the declaration (the standard units need none)",
                      severity)
