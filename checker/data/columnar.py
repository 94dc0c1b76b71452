"""Records of YAML/JSON files as numpy columns, without a data-frame library.

In: the rows pydantic validated (one dict of loaded values per record) and the record's
schema.  Out: `Columns` — per field the encoded values and which are missing; the
engine reads each field as a `Column` (the arrays `engine.env.column_vec` makes of the
loaded pandas column, the same values), and `to_pandas()` gives the loaded frame
(nullable dtypes, built by `columns.assemble`) for whoever wants one.  Why: a
one-proposal check is over in a few milliseconds, but importing pandas took 0.2–0.4 s
of it.  Imports `typed`; numpy; pandas only in `to_pandas`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from checker.types.typed import BoolT, EnumT, RecordSchema, TextT, Type, YearT

if TYPE_CHECKING:
    import pandas as pd

BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Column:
    """One field as the engine reads it: numbers (NaN where missing), flags (False where
    missing), enum ranks or text codes (-1 where missing) with the texts they index."""

    values: npt.NDArray[Any]
    known: BoolArray | None  # None: nothing is missing
    labels: tuple[str, ...] | None = None

    def as_arrays(self) -> tuple[npt.NDArray[Any], BoolArray | None, tuple[str, ...] | None]:
        return self.values, self.known, self.labels


class BatchShape:
    """`len()` and the field names of a batch, what the engine asks before any column: one
    definition for the batches built from rows here and those read from Arrow."""

    types: dict[str, Type]
    length: int

    def __len__(self) -> int:
        return self.length

    @property
    def columns(self) -> list[str]:
        return list(self.types)


@dataclass(frozen=True)
class Columns(BatchShape):
    """The records' fields, each encoded as `records._encode` reads a row's values."""

    types: dict[str, Type]
    encoded: dict[str, npt.NDArray[Any]]
    missing: dict[str, BoolArray]
    length: int

    @staticmethod
    def of_rows(rows: Sequence[dict[str, Any]], schema: RecordSchema) -> Columns:
        types = {name: spec.type for name, spec in schema.fields.items()}
        encoded, missing = {}, {}
        for name, type_ in types.items():
            values = [row[name] for row in rows]
            missing[name] = np.array([v is None for v in values], dtype=bool)
            encoded[name] = encode(values, type_)
        return Columns(types, encoded, missing, len(rows))

    @staticmethod
    def concat(parts: Sequence[Columns]) -> Columns:
        """The records of several files, in order (as `pandas.concat` of their frames)."""
        if len(parts) == 1:
            return parts[0]
        names = parts[0].types
        return Columns(names, {n: np.concatenate([p.encoded[n] for p in parts]) for n in names},
                       {n: np.concatenate([p.missing[n] for p in parts]) for n in names},
                       sum(p.length for p in parts))

    def __getitem__(self, name: str) -> Column:
        encoded, missing, type_ = self.encoded[name], self.missing[name], self.types[name]
        known = None if not missing.any() else ~missing
        match type_:
            case BoolT():
                return Column(np.where(missing, 0.0, encoded).astype(bool), known)
            case YearT():
                years = np.where(missing, 0, encoded).astype(np.int64).astype(np.float64)
                return Column(np.where(missing, np.nan, years), known)
            case EnumT():
                return Column(np.where(missing, -1, encoded).astype(np.int64), known)
            case TextT():
                return _text_column(encoded, missing, known)
        return Column(np.where(missing, np.nan, encoded).astype(np.float64), known)

    def to_pandas(self) -> pd.DataFrame:
        """The frame the loader gives (`columns.assemble` of each field)."""
        import pandas as pd

        from checker.data.columns import assemble

        return pd.DataFrame({name: assemble(self.encoded[name], self.missing[name], type_)
                             for name, type_ in self.types.items()},
                            index=pd.RangeIndex(self.length))


def _text_column(texts: npt.NDArray[Any], missing: BoolArray, known: BoolArray | None
                 ) -> Column:
    """Codes in the order texts first appear, as `pandas.factorize` numbers them."""
    labels: dict[str, int] = {}
    codes = np.fromiter((-1 if gone else labels.setdefault(str(text), len(labels))
                         for text, gone in zip(texts.tolist(), missing.tolist(), strict=True)),
                        dtype=np.int64, count=len(texts))
    return Column(codes, known, tuple(labels))


def encode(values: list[Any], type_: Type) -> npt.NDArray[Any]:
    """Loaded values of one field -> numbers, enum ranks (NaN for None) or text objects."""
    if isinstance(type_, TextT):
        return np.array(values, dtype=object)
    if isinstance(type_, EnumT):
        rank = {item: i for i, item in enumerate(type_.items)}
        return np.array([np.nan if v is None else rank[v] for v in values], dtype=np.float64)
    return np.array([np.nan if v is None else float(v) for v in values], dtype=np.float64)
