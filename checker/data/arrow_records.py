"""A Parquet batch of plain, valid records straight to the engine's numpy columns, no pandas.

In: one Arrow record batch of proposals (enum columns dictionary-encoded), the record's
schema, the unit table and the file's row number of each row.  Out: `ArrowColumns` —
one `columnar.Column` per field, built when the engine first reads it — with the ids as
Arrow strings (`ArrowIds`) and the rows whose default was filled; or None when the
batch is not the plain case: a column not of the schema or of a kind to read from text
or decimals, a bad, blank-but-required or out-of-range value, a blank id, a default on
a text field.  The caller then reads that batch through `records._from_table`, which
words every problem, so this path never decides anything about bad data.

The values are the ones `columns.convert` and `engine.env.column_vec` make of the
pandas frame (`tests/unit/test_arrow_records.py` compares the two on random batches).
Why: importing pandas and building a frame per batch cost 0.5–0.6 s of CPU of a
10⁶-row run whose rules take 0.9 s.  Imports `columnar`, `arrow_columns`, `values`,
`typed`; numpy, pyarrow; pandas only in `ArrowColumns.to_pandas`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, overload

import numpy as np
import numpy.typing as npt

from checker.arrow_numpy import flags, int64s, valid
from checker.arrow_numpy import numbers as arrow_numbers
from checker.data.arrow_columns import blank_texts, column_kind, data_columns
from checker.data.columnar import BatchShape, Column
from checker.data.values import FAILED, FIRST_YEAR, LAST_YEAR, default_value, is_blank, parse_value
from checker.types.typed import BoolT, EnumT, FieldSpec, QuantityT, RecordSchema, TextT, Type, YearT
from checker.types.units import UnitTable

if TYPE_CHECKING:
    import pandas as pd

BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]


class ArrowIds(Sequence[str]):
    """The ids of a batch as one Arrow string array (a `Sequence[str]` to the engine)."""

    def __init__(self, array: Any) -> None:
        self.array = array
        self._least: list[str | None] = []

    def arrow(self) -> Any:
        return self.array

    def least(self) -> str | None:
        """The smallest id, computed once (see `records.Ids.least`)."""
        if not self._least:
            import pyarrow.compute as pc

            found = pc.min(self.array).as_py() if len(self.array) else None
            self._least.append(found if isinstance(found, str) else None)
        return self._least[0]

    def __len__(self) -> int:
        return len(self.array)

    @overload
    def __getitem__(self, item: int) -> str: ...
    @overload
    def __getitem__(self, item: slice) -> ArrowIds: ...
    def __getitem__(self, item: int | slice) -> str | ArrowIds:
        if isinstance(item, slice):
            start, stop, step = item.indices(len(self.array))
            if step == 1:
                return ArrowIds(self.array.slice(start, max(stop - start, 0)))
            return ArrowIds(self.array.take(int64s(np.arange(start, stop, step))))
        return str(self.array[int(item)].as_py())

    def __iter__(self) -> Iterator[str]:
        return iter(self.array.to_pylist())


    def __repr__(self) -> str:
        return f"ArrowIds({self.array[:5].to_pylist()}{'…' if len(self) > 5 else ''})"


@dataclass
class ArrowColumns(BatchShape):
    """The engine's view of a batch: its length and a `Column` per schema field."""

    types: dict[str, Type]
    makers: dict[str, Callable[[], Column]]
    length: int
    _made: dict[str, Column] = field(default_factory=dict, repr=False)

    def __getitem__(self, name: str) -> Column:
        column = self._made.get(name)
        if column is None:
            column = self._made[name] = self.makers[name]()
        return column

    def to_pandas(self) -> pd.DataFrame:
        """The frame `records._from_table` gives for the same batch (`columns.assemble`)."""
        import pandas as pd

        from checker.data.columns import assemble

        frame = {}
        for name, type_ in self.types.items():
            values, known, labels = self[name].as_arrays()
            missing = np.zeros(self.length, dtype=bool) if known is None else ~known
            if isinstance(type_, TextT):
                texts = np.array([*(labels or ()), None], dtype=object)
                values = texts[np.where(values < 0, len(texts) - 1, values)]
            frame[name] = assemble(values, missing, type_)
        return pd.DataFrame(frame, index=pd.RangeIndex(self.length))


@dataclass
class ArrowPart:
    """A plain batch, read: its columns, ids (trimmed, as `records._table_ids` trims them)
    and which rows each field's default filled."""

    table: ArrowColumns
    ids: ArrowIds
    defaulted: dict[str, BoolArray]


def arrow_part(batch: Any, schema: RecordSchema, units: UnitTable) -> ArrowPart | None:
    """The batch's records when every cell is plainly valid, else None (see the module)."""
    import pyarrow.compute as pc

    names = [batch.schema.names[i] for i in data_columns(batch.schema)]
    if len(set(names)) != len(names) or any(name not in schema.fields for name in names):
        return None  # unknown, unnamed or repeated columns: `records` words them
    arrays = {name: batch.column(batch.schema.get_field_index(name)) for name in names}
    count = batch.num_rows
    if "id" not in arrays or not isinstance(schema.fields["id"].type, TextT):
        return None
    makers: dict[str, Callable[[], Column]] = {}
    defaulted: dict[str, BoolArray] = {}
    for name, spec in schema.fields.items():
        maker = _field(arrays.get(name), count, spec, units, defaulted)
        if maker is None:
            return None
        makers[name] = maker
    ids = _plain_text(arrays["id"])
    if ids is None or pc.any(blank_texts(ids)).as_py():
        return None  # a blank id (or a wholly blank row): `records` words it
    trimmed = pc.utf8_trim_whitespace(ids)
    return ArrowPart(ArrowColumns({n: s.type for n, s in schema.fields.items()}, makers, count),
                     ArrowIds(trimmed), defaulted)


def _field(array: Any, count: int, spec: FieldSpec, units: UnitTable,
           defaulted: dict[str, BoolArray]) -> Callable[[], Column] | None:
    """How to build the field's column, or None when it is not the plain case."""
    type_ = spec.type
    if array is None or column_kind(array.type).kind == "null":
        if spec.required:
            return None
        blank = np.ones(count, dtype=bool)
        if isinstance(type_, TextT):
            return None if spec.default is not None else _missing_text(count)
        encoded = np.full(count, np.nan)
        return _filled(encoded, blank, spec, defaulted)
    if isinstance(type_, TextT):
        texts = _plain_text(array)
        if texts is None:
            return None
        blank = flags(blank_texts(texts))
        if blank.any() and (spec.required or spec.default is not None):
            return None
        return lambda: _text_column(texts, blank)
    if isinstance(type_, EnumT):
        encoded_or_none = _enum_ranks(array, type_, units)
        if encoded_or_none is None:
            return None
        encoded = encoded_or_none
    else:
        numbers = _numbers(array, type_)
        if numbers is None:
            return None
        encoded = numbers
    blank = np.isnan(encoded)
    if spec.required and blank.any():
        return None
    if not isinstance(type_, EnumT) and _outside(encoded, spec):
        return None
    return _filled(encoded, blank, spec, defaulted)


def _filled(encoded: FloatArray, blank: BoolArray, spec: FieldSpec,
            defaulted: dict[str, BoolArray]) -> Callable[[], Column] | None:
    """Blank cells of an optional field take its default (as `records._fill`), then the
    column as `columnar.Columns` reads encoded values."""
    default = default_value(spec.type, spec.default)
    missing = blank
    if default is not None and not spec.required and blank.any():
        if isinstance(spec.type, EnumT):
            if default not in spec.type.items:
                return None
            default = spec.type.items.index(default)
        encoded = np.where(blank, float(default), encoded)
        defaulted[spec.name] = blank.copy()
        missing = np.zeros(len(blank), dtype=bool)
    type_ = spec.type
    known = None if not missing.any() else ~missing

    def make() -> Column:
        match type_:
            case BoolT():
                return Column(np.where(missing, 0.0, encoded).astype(bool), known)
            case EnumT():
                return Column(np.where(missing, -1, encoded).astype(np.int64), known)
        return Column(np.where(missing, np.nan, encoded).astype(np.float64), known)

    return make


def _numbers(array: Any, type_: Type) -> FloatArray | None:
    """A numeric (or true/false) Arrow column as floats, NaN where blank; None when a cell
    is bad for `type_` (as `columns._numeric` and `_booleans` decide) or the column is read
    from text or decimals."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_dictionary(array.type):
        return None
    kind = column_kind(array.type).kind
    if kind == "bool" and isinstance(type_, BoolT):
        return np.where(valid(array), flags(array), np.nan)
    if kind not in ("integer", "float"):
        return None
    try:
        floats = pc.cast(array, pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None  # an integer a float cannot hold exactly: the pandas path reads it
    numbers = np.where(valid(floats), arrow_numbers(floats), np.nan)
    blank = np.isnan(numbers)
    with np.errstate(invalid="ignore"):
        if isinstance(type_, QuantityT):
            ok = np.isfinite(numbers)
        elif isinstance(type_, YearT):
            ok = (numbers == np.floor(numbers)) & (numbers >= FIRST_YEAR) & (
                numbers <= LAST_YEAR)
        elif isinstance(type_, BoolT):
            ok = (numbers == 0) | (numbers == 1)
        else:
            return None
    return None if (~blank & ~ok).any() else numbers


def _outside(numbers: FloatArray, spec: FieldSpec) -> bool:
    """Whether any value is beyond the field's `range` (`records._report_outside`)."""
    if spec.low is None and spec.high is None and not spec.whole:
        return False
    with np.errstate(invalid="ignore"):
        outside = ((numbers < float(spec.low)) if spec.low is not None else False) | (
            (numbers > float(spec.high)) if spec.high is not None else False) | (
            (numbers != np.floor(numbers)) if spec.whole else False)
    return bool((np.asarray(outside, dtype=bool) & ~np.isnan(numbers)).any())


def _enum_ranks(array: Any, type_: EnumT, units: UnitTable) -> FloatArray | None:
    """An enum column's ranks (NaN where blank), each distinct text read once by `values`
    as `columns._by_distinct` reads it; None when a used text is not an item."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not pa.types.is_dictionary(array.type):
        if column_kind(array.type).kind != "text":
            return None
        array = pc.dictionary_encode(array)
    if column_kind(array.dictionary.type).kind != "text":
        return None
    items = {item: i for i, item in enumerate(type_.items)}
    distinct = array.dictionary.to_pylist()
    ranks = np.full(len(distinct) + 1, np.nan)  # the last: a null cell
    bad = np.zeros(len(distinct) + 1, dtype=bool)
    for index, value in enumerate(distinct):
        if is_blank(value):
            continue
        result = parse_value(value, type_, units)
        if result is FAILED:
            bad[index] = True
        else:
            ranks[index] = items[str(result)]
    codes = np.where(valid(array.indices), arrow_numbers(array.indices), len(distinct))
    if bad[codes].any():
        return None
    return ranks[codes]


def _plain_text(array: Any) -> Any:
    """A text column as an Arrow string array (None for any other kind)."""
    import pyarrow as pa

    if pa.types.is_dictionary(array.type):
        array = array.dictionary_decode()
    return array if column_kind(array.type).kind == "text" else None


def _missing_text(count: int) -> Callable[[], Column]:
    return lambda: Column(np.full(count, -1, dtype=np.int64), np.zeros(count, dtype=bool), ())


def _text_column(texts: Any, blank: BoolArray) -> Column:
    """Codes in the order texts first appear (as `pandas.factorize` numbers them, and
    Arrow's `dictionary_encode`), blank cells -1: the blank texts are taken out of the
    dictionary, which keeps the others in the order they first appear."""
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(texts)
    kept = ~flags(blank_texts(encoded.dictionary))
    renumbered = np.append(np.where(kept, np.cumsum(kept) - 1, -1), -1)  # the last: null
    indices = encoded.indices
    codes = renumbered[np.where(valid(indices), arrow_numbers(indices), len(kept))]
    labels = encoded.dictionary.to_pylist()
    return Column(codes.astype(np.int64), None if not blank.any() else ~blank,
                  tuple(label for label, keep in zip(labels, kept.tolist(), strict=True)
                        if keep))
