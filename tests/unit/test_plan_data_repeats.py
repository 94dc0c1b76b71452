"""The repeat check's key comparison is pandas' `duplicated(keep=False)`, done on codes."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.data.plan_data import KEYS, _repeated

_TEXT = st.one_of(st.none(), st.sampled_from(["a", "b", "区", ""]))
_YEAR = st.one_of(st.none(), st.integers(2020, 2022))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(*(_YEAR if k == "year" else _TEXT for k in KEYS)), max_size=40))
def test_repeated_rows_are_those_pandas_finds(rows: list[tuple[object, ...]]) -> None:
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in KEYS]
    frame = pd.DataFrame({k: pd.array(list(c), dtype="Int64" if k == "year" else "string")
                          for k, c in zip(KEYS, columns, strict=True)})
    expected = frame.duplicated(KEYS, keep=False).to_numpy(dtype=bool)
    assert _repeated(frame).tolist() == expected.tolist()
