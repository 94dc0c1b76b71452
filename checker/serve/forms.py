"""The proposal form, generated from the suite's record schema, and what a filled form says.

In: a `RecordSchema` and the suite's units; the fields of a submitted form.
Out: `FormField`s (text, a choice of an enum's items, yes/no, a number with a
unit picker of the field's dimension, a year) and the proposal body the form
stands for — JSON with one field per line, so that each diagnostic the loader
reports (`request.json:LINE:COL`) is shown at its field.  A blank input is an
absent field (its default applies, or it is reported missing).  Imports
`types`; not the web framework.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from checker.types import typed as t
from checker.types.units import BARE, UnitTable

Kind = Literal["text", "choice", "flag", "quantity", "number", "year"]
UNIT_SUFFIX = "__unit"


@dataclass(frozen=True)
class FormField:
    name: str
    label: str | None
    kind: Kind
    required: bool
    choices: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    unit: str = ""

    @property
    def unit_name(self) -> str:
        return self.name + UNIT_SUFFIX


def fields_of(schema: t.RecordSchema, units: UnitTable) -> list[FormField]:
    return [_field(spec, units) for spec in schema.fields.values()]


def _field(spec: t.FieldSpec, units: UnitTable) -> FormField:
    match spec.type:
        case t.EnumT(items=items):
            return FormField(spec.name, spec.label, "choice", spec.required, items)
        case t.BoolT():
            return FormField(spec.name, spec.label, "flag", spec.required, ("true", "false"))
        case t.YearT():
            return FormField(spec.name, spec.label, "year", spec.required)
        case t.QuantityT(unit=unit) if unit.dimension == BARE:
            return FormField(spec.name, spec.label, "number", spec.required)
        case t.QuantityT(unit=unit):
            own = unit.symbol or unit.name
            choices = units.dimension_units(unit.dimension)
            ordered = (own, *(c for c in choices if c and c != own))
            return FormField(spec.name, spec.label, "quantity", spec.required, units=ordered,
                             unit=own)
    return FormField(spec.name, spec.label, "text", spec.required)


def body_from(form: Mapping[str, str], fields: list[FormField]) -> dict[str, Any]:
    """The proposal a form stands for; blank inputs are left out."""
    body: dict[str, Any] = {}
    for field in fields:
        value = str(form.get(field.name, "")).strip()
        if not value:
            continue
        if field.kind == "flag":
            body[field.name] = value == "true" if value in ("true", "false") else value
        elif field.kind == "quantity":
            unit = str(form.get(field.unit_name, field.unit))
            body[field.name] = f"{value} {unit if unit in field.units else field.unit}"
        else:
            body[field.name] = value
    return body


def body_text(body: Mapping[str, Any]) -> str:
    """JSON with the opening brace on line 1 and field i on line i + 2."""
    return json.dumps(body, ensure_ascii=False, indent=1)


def field_at_line(body: Mapping[str, Any], line: int) -> str | None:
    names = list(body)
    return names[line - 2] if 2 <= line < len(names) + 2 else None


def values_of(form: Mapping[str, str], fields: list[FormField]) -> dict[str, str]:
    """The inputs as typed, to show the form again after a problem."""
    names = [f.name for f in fields] + [f.unit_name for f in fields if f.kind == "quantity"]
    return {name: str(form.get(name, "")) for name in names}
