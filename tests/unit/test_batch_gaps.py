"""An undecided batch rule names the records that leave it undecided (a first-time author:
"无法判断：缺少 data" gave an approvals officer nothing to chase): the first ten by id, each
with the field it lacks, then how many more — the same in memory, streamed and merged."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from checker.pipeline import check_with
from checker.syntax.suite import load_suite
from checker.types import typed as t
from checker.types.typecheck import typecheck

HEADER = ("id,name,town,zone,industry,land_area,new_construction_land,"
          "occupies_permanent_basic_farmland,in_ecological_red_line\n")
BASELINE = "examples/data/daxing-baseline.csv"


@functools.cache
def bundled() -> t.CheckedSuite:
    return typecheck(load_suite().suite)


def batch(tmp_path: Path, blanks: int) -> Path:
    rows = [f"P-{n:03d},p,黄村镇,临空经济区,生物制药,10 ha,{'' if n <= blanks else '2 ha'},否,否"
            for n in range(1, 31)]
    path = tmp_path / "batch.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("blanks", "missing"), [
    (2, ["P-001: new_construction_land", "P-002: new_construction_land"]),
    (13, [f"P-{n:03d}: new_construction_land" for n in range(1, 11)] + ["3 more records"]),
])
@pytest.mark.parametrize("batch_rows", [None, 7])
def test_the_records_missing_a_summed_value_are_named(
        tmp_path: Path, blanks: int, missing: list[str], batch_rows: int | None) -> None:
    result = check_with(bundled(), [batch(tmp_path, blanks), BASELINE], batch_rows=batch_rows)
    land = next(o for o in result.outcomes if o.rule == "LAND-02")
    assert land.outcome == "unknown"
    assert land.evidence.missing == missing
    assert land.message.startswith(f"cannot decide: `{missing[0]}`")
