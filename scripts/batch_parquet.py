"""Write `examples/parquet/batch.parquet`, the README's Parquet example: the proposals of
`batch.csv`, loaded by the bundled suite's schema and written the way a Parquet producer
holds them — numbers in each field's own unit (`land_area` in km², not `15 ha`), true/false
as booleans, enums and text as strings, missing values as nulls.

Run from the repository root after changing `batch.csv`:
`.venv/bin/python scripts/batch_parquet.py`; tests/e2e/test_parquet_example.py holds the two
files to the same proposals and the same outcomes.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from checker.data.load import load_records
from checker.syntax.suite import load_suite
from checker.types.typecheck import typecheck

ROOT = Path(__file__).resolve().parents[1]
CSV = ROOT / "examples" / "proposals" / "batch.csv"
PARQUET = ROOT / "examples" / "parquet" / "batch.parquet"


def batch_table(csv: Path = CSV) -> pa.Table:
    """The proposals of `csv` as an Arrow table in the schema's units."""
    suite = typecheck(load_suite().suite)
    frame = load_records(csv, suite.schemas["project"], suite.units).frame
    columns = {}
    for name in frame.columns:
        column = frame[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            column = column.astype("string")
        columns[name] = pa.Array.from_pandas(column)
    return pa.table(columns)


if __name__ == "__main__":
    pq.write_table(batch_table(), PARQUET)
    print(f"wrote {PARQUET.relative_to(ROOT)}")
