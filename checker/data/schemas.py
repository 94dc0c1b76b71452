"""Record schemas as pydantic models and JSON Schema.

In: a `RecordSchema` (from typecheck) and the suite's `UnitTable`.  Out: a
pydantic v2 model of one record mapping (YAML/JSON proposals) — quantities as
floats in the field's unit, enum items as `Literal` text, booleans, years as int —
and the JSON Schema that `plancheck schema NAME --json-schema` prints.  Unknown
keys are refused (`extra='forbid'`); labels become descriptions.  Mappings are
read by `mappings`, not by this model, with the same `values` a CSV row is read
by.  Imports `typed`, `units`, `values`; pydantic; not pandas.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, create_model
from pydantic_core import PydanticUndefined

from checker.data.values import (
    FALSE_WORDS,
    TRUE_WORDS,
    default_value,
)
from checker.types.typed import BoolT, EnumT, FieldSpec, QuantityT, RecordSchema, TextT, YearT
from checker.types.units import BARE, UnitTable

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# A number (thousands separators allowed) and an optional unit: `12 ha`, `1,200 m²`, `80%`.
QUANTITY_PATTERN = (r"^\s*[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?([eE][-+]?[0-9]+)?"
                    r"(\s*\S.*)?$")


def pydantic_model(schema: RecordSchema, units: UnitTable) -> type[BaseModel]:
    """A model with one field per schema field, keyed by the field's name (its alias)."""
    fields: dict[str, Any] = {}
    for index, spec in enumerate(schema.fields.values()):
        fields[attribute(index)] = (_annotation(spec, units), _field_info(spec))
    config = ConfigDict(extra="forbid", title=schema.display or schema.name,
                        populate_by_name=False, frozen=True)
    model: type[BaseModel] = create_model(schema.name, __config__=config, **fields)
    model.__doc__ = f"A `{schema.name}` record ({schema.display})" if schema.display else (
        f"A `{schema.name}` record")
    return model


def attribute(index: int) -> str:
    """The Python attribute of the index-th field (field names may clash with BaseModel's)."""
    return f"f{index}"


def json_schema(schema: RecordSchema, units: UnitTable) -> dict[str, Any]:
    """The JSON Schema of one record mapping (a file may also hold a list of them)."""
    generated = pydantic_model(schema, units).model_json_schema(by_alias=True)
    return {"$schema": JSON_SCHEMA_DIALECT, **generated}


def _field_info(spec: FieldSpec) -> Any:
    default = PydanticUndefined if spec.required else default_value(spec.type, spec.default)
    description = spec.label or spec.name
    return Field(default, alias=spec.name, title=spec.name, description=description)


def _annotation(spec: FieldSpec, units: UnitTable) -> Any:
    """The field's Python type (enums as `Literal`), read first by `values`."""
    base: Any
    match spec.type:
        case QuantityT():
            base = float
        case BoolT():
            base = bool
        case YearT():
            base = int
        case EnumT(items=items):
            base = Literal.__getitem__(tuple(items))
        case TextT():
            base = str
    if not spec.required:
        base = base | None
    return Annotated[base, WithJsonSchema(_value_schema(spec, units))]


def _value_schema(spec: FieldSpec, units: UnitTable) -> dict[str, Any]:
    match spec.type:
        case QuantityT(unit=unit):
            symbol = unit.symbol or unit.name
            meaning = "a number" if unit.dimension == BARE else (
                f"a number in {symbol}, or a number and a unit of {unit.dimension} "
                f"(such as `12 {symbol}`)")
            options: list[dict[str, Any]] = [
                {"type": "number"}, {"type": "string", "pattern": QUANTITY_PATTERN}]
            extra: dict[str, Any] = {"x-unit": symbol, "x-dimension": unit.dimension,
                                     "x-format": meaning}
        case BoolT():
            words = sorted(TRUE_WORDS | FALSE_WORDS)
            options = [{"type": "boolean"}, {"enum": [0, 1]},
                       {"type": "string", "pattern": _words_pattern(words)}]
            extra = {}
        case YearT():
            options = [{"type": "integer", "minimum": 1000, "maximum": 9999},
                       {"type": "string", "pattern": r"^\s*[0-9]{4}\s*$"}]
            extra = {}
        case EnumT(name=name, items=items, ordered=ordered):
            options = [{"enum": list(items)}]
            extra = {"x-scale" if ordered else "x-set": name}
        case TextT():
            options = [{"type": "string"}]
            extra = {}
    if not spec.required:
        options.append({"type": "null"})
    shape = options[0] if len(options) == 1 else {"anyOf": options}
    return {**shape, **extra}


def _words_pattern(words: list[str]) -> str:
    """A case-insensitive alternation (JSON Schema regexes have no `(?i)`)."""
    def letters(word: str) -> str:
        return "".join(f"[{c.lower()}{c.upper()}]" if c.isascii() and c.isalpha() else c
                       for c in word)
    return r"^\s*(" + "|".join(letters(w) for w in words) + r")\s*$"
