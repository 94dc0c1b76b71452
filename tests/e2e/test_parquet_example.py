"""The README's Parquet example ships: `examples/parquet/batch.parquet` holds the
proposals of `batch.csv` in the schema's units (scripts/batch_parquet.py wrote it), and
checking it gives the CSV's outcomes, so the example cannot drift from the batch it copies."""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from batch_parquet import CSV, PARQUET, batch_table  # noqa: E402

from tests.helpers import check_json  # noqa: E402


def test_the_shipped_parquet_is_the_csv_batch_in_the_schemas_units() -> None:
    shipped, fresh = pq.read_table(PARQUET), batch_table()
    assert shipped.num_rows == 36
    assert shipped.to_pylist() == fresh.to_pylist()
    assert shipped.column("land_area")[0].as_py() == 0.15  # `15 ha` in km²


def test_the_parquet_example_gives_the_csv_batchs_outcomes() -> None:
    def outcomes(path: Path) -> list[tuple[str, str, str, str]]:
        code, result, stderr = check_json(path)
        assert code == 1, stderr  # the batch holds failing proposals
        return [(o["rule"], o["subject"], o["outcome"], o["message"])
                for o in result["outcomes"]]

    from_parquet = outcomes(PARQUET)
    assert len(from_parquet) > 700 and from_parquet == outcomes(CSV)
    assert sum(outcome == "fail" for _, _, outcome, _ in from_parquet) == 6
