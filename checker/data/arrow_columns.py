"""Parquet columns: what each holds, checked against the field it fills before a value is read.

In: an Arrow table or batch (its schema and columns) and, when the columns are used, the
kinds of data the field accepts.  Out: the data columns as pandas (a pandas index column
`__index_level_0__` is row labels, not data, and is left out; decimals become their exact
text, so `6.50` reads as 6.50 the way a CSV cell does; booleans stay nullable booleans),
the kind of each column (`ColumnKind`), and a D316 `Problem` when a column of that kind
can never hold a value of the field (a list, a struct, bytes, dates, true/false where a
number belongs).  Refusing the column whole, at its header, beats a crash or ten
identical cell diagnostics.  Imports `problems`, `values`, `typed`; pyarrow, pandas.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from checker.data.problems import Problems
from checker.data.values import Problem
from checker.source import Span
from checker.types.typed import BoolT, EnumT, QuantityT, TextT, Type, YearT

if TYPE_CHECKING:
    import pandas as pd

# A true/false field takes floats: pandas writes a 0/1 column with a gap as doubles, and
# `columns` refuses any cell but 0 and 1 there (D323).
# What a kind of column is called in a message, and the advice for a field it cannot fill.
_WORDS: Final = {
    "text": "text", "integer": "whole numbers", "float": "decimal numbers",
    "decimal": "decimal numbers", "bool": "true/false values", "null": "no values",
    "binary": "raw bytes", "nested": "lists or structures", "temporal": "dates or times",
    "other": "values of an unsupported type",
}
_ADVICE: Final = {
    "binary": "write the column as text (a string column), not as bytes",
    "nested": "write one plain value per cell; a list or structure is no figure",
    "temporal": "write a year as a number such as `2025`, and other values as text or numbers",
    "bool": "write the column as numbers or text; true/false belongs in a yes/no field",
}
NUMBERS: Final = frozenset({"integer", "float", "decimal", "text", "null"})
PLAN_VALUES: Final = NUMBERS | {"bool"}  # a plan-data value: a figure or a true/false
TEXTS: Final = frozenset({"text", "integer", "null"})
_ACCEPTS: Final[dict[type, frozenset[str]]] = {
    QuantityT: NUMBERS, YearT: NUMBERS, BoolT: NUMBERS - {"decimal"} | {"bool"},
    EnumT: frozenset({"text", "null"}), TextT: TEXTS,
}
_PANDAS_INDEX = re.compile(r"__index_level_\d+__")


@dataclass(frozen=True, slots=True)
class ColumnKind:
    """What a Parquet column holds (`kind`, one of `_WORDS`) and its Arrow type as written."""

    kind: str
    arrow: str


def column_kind(arrow_type: Any) -> ColumnKind:
    """The kind of data an Arrow type holds (a dictionary column: that of its values)."""
    import pyarrow as pa

    types = pa.types
    inner = arrow_type.value_type if types.is_dictionary(arrow_type) else arrow_type
    checks = (
        ("text", types.is_string(inner) or types.is_large_string(inner)),
        ("bool", types.is_boolean(inner)),
        ("integer", types.is_integer(inner)),
        ("float", types.is_floating(inner)),
        ("decimal", types.is_decimal(inner)),
        ("null", types.is_null(inner)),
        ("binary", types.is_binary(inner) or types.is_large_binary(inner)
         or types.is_fixed_size_binary(inner)),
        ("nested", types.is_nested(inner)),
        ("temporal", types.is_temporal(inner)),
    )
    kind = next((name for name, matches in checks if matches), "other")
    return ColumnKind(kind, str(arrow_type))


def data_columns(schema: Any) -> list[int]:
    """Positions of the columns that are data: not an unnamed pandas index
    (`__index_level_0__`, which `DataFrame.to_parquet` writes for a non-default index)."""
    index: set[str] = set()
    metadata = schema.metadata or {}
    try:
        pandas = json.loads(metadata.get(b"pandas", b"{}"))
        index = {name for name in pandas.get("index_columns", []) if isinstance(name, str)}
    except (ValueError, AttributeError):  # metadata not written by pandas: keep every column
        index = set()
    return [i for i, name in enumerate(schema.names)
            if not (name in index and _PANDAS_INDEX.fullmatch(name))]


def arrow_column(column: Any) -> pd.Series[Any]:
    """An Arrow column as pandas: booleans nullable, decimals as exact text, nested and
    binary values as objects (refused by `kind_problem` before anyone reads them)."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    kind = column_kind(column.type).kind
    if kind == "decimal":
        if pa.types.is_dictionary(column.type):
            column = column.cast(column.type.value_type)
        column = pc.cast(column, pa.string())
    mapper = {pa.bool_(): pd.BooleanDtype()}.get if kind == "bool" and not (
        pa.types.is_dictionary(column.type)) else None
    series: pd.Series[Any] = column.to_pandas(types_mapper=mapper)
    return series


def blank_texts(array: Any) -> Any:
    """Which cells of an Arrow string array are blank (null, empty or whitespace), as
    pandas' `str.strip() == ""` decides it over Arrow storage: an Arrow boolean array, no
    null in it.  `utf8_is_space` knows the whitespace Arrow's trim strips (every code point
    checked in the tests), without the trimmed copy of every cell it made."""
    import pyarrow as pa
    import pyarrow.compute as pc

    empty = pc.invert(pc.cast(pc.utf8_length(array), pa.bool_()))
    # null cells: `or_kleene` of true; no Python scalar (pyarrow would import pandas for it)
    return pc.or_kleene(pc.is_null(array), pc.or_(empty, pc.utf8_is_space(array)))


def texts_by_code(texts: Sequence[str | None], codes: Any) -> Any:
    """`pd.array([texts[c] for c in codes], dtype="string")` as one Arrow take of the few
    distinct texts: no Python object per row (a million rows of a few periods took 0.5 s
    through objects).  `codes`: integers into `texts`."""
    import pandas as pd
    import pyarrow as pa

    distinct = pa.array(list(texts), type=pa.large_string())
    return pd.array(distinct.take(pa.array(codes)), dtype="string")


def accepted(type_: Type) -> frozenset[str]:
    """The kinds of column a field of `type_` can be read from."""
    return _ACCEPTS.get(type(type_), NUMBERS)


def kind_problem(kind: ColumnKind, accepts: frozenset[str], field: str,
                 expected: str) -> Problem | None:
    """D316 when a column of `kind` can never hold what `field` (`expected`, in words) needs."""
    if kind.kind in accepts:
        return None
    advice = _ADVICE.get(kind.kind, "write the column as text or numbers")
    return Problem("D316", f"column `{field}` holds {_WORDS[kind.kind]} (Parquet type "
                   f"`{kind.arrow}`), but `{field}` is {expected}", advice,
                   f"a column of {_WORDS[kind.kind]}")


def expected_words(type_: Type) -> str:
    """`a km2 quantity`, `true or false`, `a year`, `a value of 镇街`, `text`."""
    match type_:
        case QuantityT(unit=unit):
            return f"a quantity in {unit.symbol or unit.name}" if (
                unit.symbol or unit.name) else "a number"
        case BoolT():
            return "true or false"
        case YearT():
            return "a year"
        case EnumT(name=name):
            return f"a value of `{name}`"
    return "text"


def report_unfit(kinds: Sequence[ColumnKind], index: int, accepts: frozenset[str], field: str,
                 expected: str, span: Callable[[], Span], report: Problems) -> bool:
    """Report column `index` when its kind cannot fill `field`; whether it was reported
    (CSV and XLSX tables have no kinds: their cells are read one by one)."""
    if index >= len(kinds):
        return False
    problem = kind_problem(kinds[index], accepts, field, expected)
    if problem is None:
        return False
    report.add(problem.code, problem.message, span(), problem.help, problem.label)
    return True
