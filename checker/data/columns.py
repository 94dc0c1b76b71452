"""Converting a whole raw column at once into a typed, nullable pandas array.

In: a raw column (strings from CSV, Python values from XLSX, native dtypes from
Parquet), the field's type and the unit table.  Out: `Converted` — the values
in the loaded dtype (`Float64` in the field's unit, `boolean`, `Int64`,
`string`, or a `Categorical` over the schema's items), which cells were blank,
and which were bad (with their problem on demand).  Blank and bad cells are NA
in the values; the caller decides what they mean.

Speed: numeric and boolean columns take numpy fast paths; any other column is
factorized and each distinct value is read once by `values`, with an
Arrow fast path for the many distinct plain numbers of a CSV column.  Every
shortcut accepts exactly what `values` accepts.  Imports `typed`, `units`,
`values`; pandas, numpy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from checker.data.arrow_columns import blank_texts
from checker.data.values import (
    FAILED,
    FIRST_YEAR,
    LAST_YEAR,
    Problem,
    explain,
    is_blank,
    parse_value,
)
from checker.types.typed import BoolT, EnumT, QuantityT, TextT, Type, YearT
from checker.types.units import UnitTable

if TYPE_CHECKING:
    import pandas as pd

BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
_PLAIN_NUMBER = r"[-+]?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?"
_MANY = 256  # distinct strings above which the Arrow number path is worth it


@dataclass
class Converted:
    """A converted column: values (NA where blank or bad), blank cells, bad cells."""

    values: Any  # a pandas extension array or Categorical of the field's dtype
    blank: BoolArray
    bad: IntArray
    explain: Callable[[int], Problem]


def convert(column: pd.Series[Any], type_: Type, field: str, units: UnitTable) -> Converted:
    """Read every cell of `column` as a value of `type_`."""
    import pandas as pd
    def why(position: int) -> Problem:
        return explain(_scalar(column.iloc[position]), type_, field, units)

    dtype = column.dtype
    numeric = pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
    if pd.api.types.is_bool_dtype(dtype) and isinstance(type_, BoolT):
        return _booleans(column, why)
    if numeric and isinstance(type_, QuantityT | YearT | BoolT):
        encoded, blank, bad = _numeric(column, type_)
    elif isinstance(type_, QuantityT) and _is_text(dtype) and len(column) > _MANY:
        encoded, blank, bad = _numbers_in_text(column, type_, units)
    elif isinstance(type_, TextT) and (_is_text(dtype) or pd.api.types.is_integer_dtype(dtype)):
        return _text(column, why)
    else:
        encoded, blank, bad = _by_distinct(column, type_, units)
    return Converted(assemble(encoded, blank | bad, type_), blank,
                     np.flatnonzero(bad).astype(np.int64), why)


def empty(type_: Type, count: int) -> Any:
    """A column with no values (an optional field nobody wrote)."""
    import pandas as pd
    if isinstance(type_, TextT):
        return pd.Series(pd.NA, index=pd.RangeIndex(count), dtype="string").array
    return assemble(np.zeros(count), np.ones(count, dtype=bool), type_)


def assemble(encoded: Any, missing: BoolArray, type_: Type) -> Any:
    """Encoded values (numbers, enum indexes, or objects for text) -> the loaded dtype."""
    import pandas as pd
    match type_:
        case QuantityT():
            values = np.where(missing, 0.0, encoded).astype(np.float64)
            return pd.arrays.FloatingArray(values, missing.copy())
        case BoolT():
            flags = np.where(missing, 0.0, encoded).astype(bool)
            return pd.arrays.BooleanArray(flags, missing.copy())
        case YearT():
            years = np.where(missing, 0, encoded).astype(np.int64)
            return pd.arrays.IntegerArray(years, missing.copy())
        case EnumT(items=items, ordered=ordered):
            codes = np.where(missing, -1, encoded).astype(np.int64)
            return pd.Categorical.from_codes(codes, categories=pd.Index(list(items)),
                                            ordered=ordered)
        case TextT():
            texts = np.asarray(encoded, dtype=object).copy()
            texts[missing] = None
            return pd.array(texts, dtype="string")


def _is_text(dtype: Any) -> bool:
    import pandas as pd
    return bool(pd.api.types.is_string_dtype(dtype)) and not (
        isinstance(dtype, np.dtype) and dtype.kind == "O")


def _scalar(value: Any) -> object:
    """A numpy scalar as the Python value a user would recognise."""
    return value.item() if isinstance(value, np.generic) else value


def _numeric(column: pd.Series[Any], type_: Type) -> tuple[FloatArray, BoolArray, BoolArray]:
    numbers = column.to_numpy(dtype=np.float64, na_value=np.nan)
    blank = np.isnan(numbers)
    if isinstance(type_, QuantityT):
        ok = np.isfinite(numbers)
    elif isinstance(type_, YearT):
        with np.errstate(invalid="ignore"):
            ok = (numbers == np.floor(numbers)) & (numbers >= FIRST_YEAR) & (numbers <= LAST_YEAR)
    else:
        ok = (numbers == 0) | (numbers == 1)
    return numbers, blank, ~blank & ~ok


def _booleans(column: pd.Series[Any], why: Callable[[int], Problem]) -> Converted:
    """A boolean column (Parquet, nullable): every cell is true, false or blank."""
    blank = column.isna().to_numpy(dtype=bool, copy=True)
    flags = column.to_numpy(dtype=bool, na_value=False)
    return Converted(assemble(flags, blank, BoolT()), blank, np.zeros(0, dtype=np.int64), why)


def _text(column: pd.Series[Any], why: Callable[[int], Problem]) -> Converted:
    import pandas as pd
    texts = column.astype("string")
    if getattr(texts.dtype, "storage", None) == "pyarrow":
        return _arrow_text(texts, why)
    blank = (texts.isna() | (texts.str.strip() == "")).to_numpy(dtype=bool, na_value=True)
    values = texts.array.copy()
    values[blank] = pd.NA
    return Converted(values, blank, np.zeros(0, dtype=np.int64), why)


def _arrow_text(texts: pd.Series[Any], why: Callable[[int], Problem]) -> Converted:
    """`_text` of Arrow-backed strings in Arrow compute: the same trim pandas' `str.strip`
    runs there, then blank cells nulled in one `if_else` (a masked assignment into the
    pandas array cost as much again as the trim)."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    array = pa.array(texts.array)
    blanks = blank_texts(array)
    blank = np.array(blanks.to_numpy(zero_copy_only=False), dtype=bool)
    # no blank cell (the usual column): the cells as they are, not a copy of them
    kept = pc.if_else(blanks, pa.scalar(None, array.type), array) if blank.any() else array
    values: Any = pd.array(kept, dtype=texts.dtype)
    return Converted(values, blank, np.zeros(0, dtype=np.int64), why)


def _numbers_in_text(column: pd.Series[Any], type_: Type,
                     units: UnitTable) -> tuple[FloatArray, BoolArray, BoolArray]:
    """A CSV column of quantities: plain numbers in one Arrow cast, the rest one by one."""
    numbers = np.full(len(column), np.nan)
    done = _plain_numbers(column, numbers)
    rest = np.flatnonzero(~done)
    blank = np.zeros(len(column), dtype=bool)
    bad = np.zeros(len(column), dtype=bool)
    if len(rest):
        numbers[rest], blank[rest], bad[rest] = _by_distinct(column.iloc[rest], type_, units)
    return numbers, blank, bad


def _by_distinct(column: pd.Series[Any], type_: Type,
                 units: UnitTable) -> tuple[Any, BoolArray, BoolArray]:
    """Read each distinct value once, then spread the results over the rows."""
    import pandas as pd
    codes, distinct = factorize(column)
    count = len(distinct)
    text = isinstance(type_, TextT)
    encoded: Any = np.empty(count + 1, dtype=object) if text else np.full(count + 1, np.nan)
    blank = np.zeros(count + 1, dtype=bool)
    bad = np.zeros(count + 1, dtype=bool)
    blank[count] = True  # code -1: a missing cell
    todo = np.arange(count)
    if isinstance(type_, QuantityT) and count > _MANY and _is_text(distinct.dtype):
        todo = np.flatnonzero(~_plain_numbers(pd.Series(distinct, copy=False), encoded[:-1]))
    items = {item: i for i, item in enumerate(type_.items)} if isinstance(type_, EnumT) else {}
    for index in todo.tolist():
        value = _scalar(distinct[index])
        if is_blank(value):
            blank[index] = True
            continue
        result = parse_value(value, type_, units)
        if result is FAILED:
            bad[index] = True
        elif items:
            encoded[index] = items[str(result)]
        else:
            encoded[index] = result
    rows = np.where(codes < 0, count, codes)
    return encoded[rows], blank[rows], bad[rows]


def _plain_numbers(strings: pd.Series[Any], out: FloatArray) -> BoolArray:
    """Parse the plain numbers (`12.5`, `-3e2`) among `strings` in Arrow into `out`;
    the mask of those done.  What it parses, `values` parses the same way."""
    plain = strings.str.fullmatch(_PLAIN_NUMBER).to_numpy(dtype=bool, na_value=False, copy=True)
    if plain.any():
        numbers = strings[plain].astype("float64").to_numpy(dtype=np.float64)
        finite = np.isfinite(numbers)  # `1e400` is refused by the slow path, as there
        plain[np.flatnonzero(plain)[~finite]] = False
        out[plain] = numbers[finite]
    return plain


def factorize(column: pd.Series[Any]) -> tuple[IntArray, pd.Index[Any]]:
    """Codes (-1 for missing) and distinct values; Python objects are told apart by type."""
    import pandas as pd
    if column.dtype != object:
        codes, distinct = pd.factorize(column, use_na_sentinel=True)
        return np.asarray(codes, dtype=np.int64), pd.Index(distinct)
    seen: dict[tuple[type, object], int] = {}
    values: list[object] = []
    out = np.empty(len(column), dtype=np.int64)
    for position, value in enumerate(column.tolist()):
        if value is None or (isinstance(value, float) and value != value):
            out[position] = -1
            continue
        try:
            key: tuple[type, object] = (type(value), value)
            code = seen.setdefault(key, len(values))
        except TypeError:  # unhashable (a list in a cell): its own distinct value
            code = len(values)
        if code == len(values):
            values.append(value)
        out[position] = code
    return out, pd.Index(values, dtype=object)
