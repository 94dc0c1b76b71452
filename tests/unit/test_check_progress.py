"""Progress of a long `check`: rows done and time left after each streamed batch, on
stderr (the bar on a terminal, `--progress` lines elsewhere), never in the report."""

from __future__ import annotations

import functools
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from checker.cli.main import main
from checker.cli.progress import RowMeter, rows_line
from checker.pipeline import check_with
from checker.syntax.suite import load_suite
from checker.types import typed as t
from checker.types.typecheck import typecheck
from tests.helpers import ROOT

BATCH = ROOT / "examples" / "proposals" / "batch.csv"
ROWS = 36  # batch.csv: a header and 36 proposals


@functools.cache
def bundled() -> t.CheckedSuite:
    return typecheck(load_suite().suite)


def test_each_streamed_batch_reports_rows_done_of_the_expected() -> None:
    told: list[tuple[int, int | None]] = []
    result = check_with(bundled(), [BATCH], batch_rows=10,
                        progress=lambda rows, total: told.append((rows, total)))
    assert len(told) > 1, "a batch of 36 rows in blocks of ~1,280 bytes is several batches"
    assert all(total == ROWS for _, total in told)
    done = [rows for rows, _ in told]
    assert done == sorted(done) and done[-1] == ROWS
    assert result.model_dump_json() == check_with(bundled(), [BATCH],
                                                  batch_rows=10).model_dump_json()


def test_parquet_rows_are_expected_from_its_footer(tmp_path: Path) -> None:
    parquet = tmp_path / "batch.parquet"
    pd.read_csv(BATCH, dtype=str, keep_default_na=False).to_parquet(parquet, index=False)
    told: list[tuple[int, int | None]] = []
    check_with(bundled(), [parquet], batch_rows=10,
               progress=lambda rows, total: told.append((rows, total)))
    assert told == [(10, ROWS), (20, ROWS), (30, ROWS), (36, ROWS)]


def test_a_run_loaded_whole_says_nothing() -> None:
    told: list[tuple[int, int | None]] = []
    check_with(bundled(), [BATCH], progress=lambda rows, total: told.append((rows, total)))
    assert told == []


def test_the_line_gives_the_share_and_the_time_left_from_the_rate_so_far() -> None:
    assert rows_line(250_000, 1_000_000, 5.0) == \
        "checked 250,000 of 1,000,000 rows (25%), about 15 s left"
    assert rows_line(100, 10_000, 3.0) == "checked 100 of 10,000 rows (1%), about 4 min 57 s left"
    assert rows_line(1_000_000, 1_000_000, 20.0) == "checked 1,000,000 of 1,000,000 rows (100%)"
    assert rows_line(1_200, 1_000, 1.0) == "checked 1,200 of 1,200 rows (100%)"  # an estimate
    assert rows_line(5_000, None, 1.0) == "checked 5,000 rows"
    # on Dask, after each partition: how many are done of how many (not rows alone)
    assert rows_line(1_500, 4_503, 2.0, (1, 3)) == \
        "checked 1,500 of 4,503 rows (33%), 1 of 3 partitions, about 4 s left"
    assert rows_line(900, None, 1.0, (2, 12)) == "checked 900 rows, 2 of 12 partitions"


def test_the_meter_ticks_the_bar_or_writes_lines() -> None:
    clock = iter([0.0, 2.0, 4.0]).__next__
    stream = io.StringIO()
    meter = RowMeter(None, stream, clock=clock)
    meter(10, 30)
    meter(20, 30)
    assert stream.getvalue().splitlines() == [
        "checked 10 of 30 rows (33%), about 4 s left",
        "checked 20 of 30 rows (66%), about 2 s left"]
    steps: list[tuple[int, str | None]] = []
    RowMeter(lambda advance=1, description=None: steps.append((advance, description)),
             clock=iter([0.0, 1.0]).__next__)(5, 10)
    assert steps == [(0, "checked 5 of 10 rows (50%), about 1 s left")]


def test_progress_lines_go_to_stderr_never_into_the_report(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("checker.data.batches.BLOCK", 1024)  # stream this small CSV
    assert main(["check", str(BATCH), "--format", "json", "--progress", "--no-config",
                 "--no-cache"]) in (0, 1)
    out, err = capsys.readouterr()
    assert json.loads(out)["summary"]
    assert "checked " not in out
    lines = [line for line in err.splitlines() if line.startswith("checked ")]
    assert len(lines) > 1 and lines[-1] == f"checked {ROWS} of {ROWS} rows (100%)"


def test_without_progress_and_no_terminal_nothing_is_said(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("checker.data.batches.BLOCK", 1024)
    main(["check", str(BATCH), "--format", "json", "--no-config", "--no-cache"])
    assert "checked " not in capsys.readouterr().err
