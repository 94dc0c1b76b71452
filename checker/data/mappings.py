"""One record mapping (a YAML/JSON proposal) read field by field.

In: the mapping as written, the record's `RecordSchema` and the suite's `UnitTable`.
Out: the loaded values by field name, or the failures — a field's problem, a required
field absent, a key that is no field — in the order a reader meets them (fields in
the schema's order, then unknown keys as written).  Every value is read by `values`,
as a CSV cell is.  Plain code rather than a pydantic model: building one (and the
plugin lookup pydantic does for it) was a tenth of a one-proposal check's start-up
(issue 16); `schemas` still makes the model for the JSON Schema.  Imports `typed`,
`units`, `values`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from checker.data.values import Problem, Value, default_value, is_blank, outside_range, read_value
from checker.types.typed import FieldSpec, QuantityT, RecordSchema
from checker.types.units import UnitTable

FailureKind = Literal["problem", "missing", "unknown"]


@dataclass(frozen=True, slots=True)
class Failure:
    """Why a mapping was refused at `key`: its value's problem, absent, or not a field."""

    kind: FailureKind
    key: str
    problem: Problem | None = None


def read_mapping(values: Mapping[str, object], schema: RecordSchema,
                 units: UnitTable) -> dict[str, Value | None] | list[Failure]:
    """The record's loaded values by field name (defaults filled in), or every failure."""
    row: dict[str, Value | None] = {}
    failures: list[Failure] = []
    for name, spec in schema.fields.items():
        if name not in values:
            if spec.required:
                failures.append(Failure("missing", name))
            else:
                row[name] = default_value(spec.type, spec.default)
            continue
        read = read_field(values[name], spec, units)
        if isinstance(read, Problem):
            failures.append(Failure("problem", name, read))
        else:
            row[name] = read
    failures.extend(Failure("unknown", key) for key in values if key not in schema.fields)
    return failures or row


def read_field(value: object, spec: FieldSpec, units: UnitTable) -> Value | Problem | None:
    """A written value of `spec`'s field: blank is its default (a problem if required)."""
    if is_blank(value):
        return missing_problem(spec) if spec.required else default_value(spec.type, spec.default)
    result = read_value(value, spec.type, spec.name, units)
    if isinstance(result, Problem):
        return result
    outside = outside_range(result, spec, value)
    if outside is not None:
        return outside
    return float(result) if isinstance(spec.type, QuantityT) else result


def missing_problem(spec: FieldSpec, what: str = "field") -> Problem:
    """A required field with no value (absent key, null, empty cell)."""
    label = f" ({spec.label})" if spec.label else ""
    return Problem("D312", f"required {what} `{spec.name}` has no value",
                   f"every record needs `{spec.name}`{label}", "missing")
