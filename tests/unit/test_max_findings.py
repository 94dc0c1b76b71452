"""`--max-findings`: a count caps the outcomes listed per rule in big batches, `0` lists none
(counts only, whatever the batch's size) and `all` lifts the cap (issue 16 item 7)."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from checker import result as r
from checker.cli.main import main
from checker.pipeline import check_with
from checker.syntax.suite import load_suite
from checker.types import typed as t
from checker.types.typecheck import typecheck

BATCH = "examples/proposals/batch.csv"


@functools.cache
def bundled() -> t.CheckedSuite:
    return typecheck(load_suite().suite)


def counts(result: r.Result) -> dict[str, dict[str, int]]:
    return {rule.id: dict(rule.counts) for rule in result.rules}


@pytest.mark.parametrize("batch_rows", [None, 10])
def test_zero_lists_nothing_and_counts_everything(batch_rows: int | None) -> None:
    listed = check_with(bundled(), [BATCH], max_findings=None, batch_rows=batch_rows)
    only = check_with(bundled(), [BATCH], max_findings=0, batch_rows=batch_rows)
    assert only.outcomes == [] and not only.summary.complete
    assert counts(only) == counts(listed) and listed.outcomes
    assert only.summary.exit_code == listed.summary.exit_code


def test_the_streamed_and_in_memory_runs_agree_at_zero() -> None:
    assert check_with(bundled(), [BATCH], max_findings=0, batch_rows=10).model_dump_json() == \
        check_with(bundled(), [BATCH], max_findings=0).model_dump_json()


@pytest.mark.parametrize(("given", "listed"), [("0", 0), ("all", 721), ("5", 721)])
def test_the_option_reads_a_count_or_all(tmp_path: Path, given: str, listed: int) -> None:
    out = tmp_path / "r.json"
    assert main(["check", BATCH, "--max-findings", given, "--format", "json", "-o", str(out),
                 "--no-config"]) == 1
    assert len(json.loads(out.read_text(encoding="utf-8"))["outcomes"]) == listed


def test_another_word_is_refused() -> None:
    assert main(["check", BATCH, "--max-findings", "many"]) == 2
