"""Test helpers: build checked suites from text and record batches from Python values;
catch the diagnostics a call raises."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from checker import result as r
from checker.diagnostics import Diagnostic, DiagnosticError
from checker.source import SourceFile
from checker.syntax import model as m
from checker.syntax.build import build
from checker.syntax.model import Suite
from checker.syntax.parse import parse
from checker.syntax.suite import PRELUDE, parse_file
from checker.types import typed as t
from checker.types.typecheck import typecheck

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "rules" / "daxing-14th"
CONTRACT = ("plan.rules", "schema.rules", "indicators.rules")


def rule_file(text: str, path: str = "t.rules") -> m.RuleFile:
    """Parse and build one file's text; the test fails on any diagnostic."""
    parsed = parse(SourceFile(path, text))
    assert not isinstance(parsed, list), parsed
    built = build(parsed)
    assert not isinstance(built, list), built
    return built


def suite_from(text: str, *, contract: bool = True, path: str = "t.rules") -> Suite:
    """The prelude, the bundled plan/schema/indicators (optional) and `text`."""
    files = []
    for file in [PRELUDE, *([BUNDLED / name for name in CONTRACT] if contract else [])]:
        _, built = parse_file(file)
        assert not isinstance(built, list), built
        files.append(built)
    return Suite((*files, rule_file(text, path)))


def checked_from(text: str, **kwargs: Any) -> t.CheckedSuite:
    return typecheck(suite_from(text, **kwargs))


def raised_diagnostics(call: Callable[..., object], *args: Any) -> list[Diagnostic]:
    """The diagnostics of the `DiagnosticError` that `call(*args)` must raise."""
    with pytest.raises(DiagnosticError) as raised:
        call(*args)
    return raised.value.diagnostics


def raised_errors(call: Callable[..., object], *args: Any) -> list[Diagnostic]:
    """The errors (not warnings) among the diagnostics `call(*args)` must raise."""
    return [d for d in raised_diagnostics(call, *args) if d.severity == "error"]


def indicator_points(data: Any) -> list[tuple[object, ...]]:
    """A plan-data table's (indicator, year, value) points, sorted: what a layout must read."""
    frame = data.frame
    return sorted(zip(frame["indicator"], frame["year"].astype(int),
                      frame["value"].astype(float), strict=True))


def the_only(found: list[Diagnostic]) -> Diagnostic:
    """The one diagnostic in `found`; fails with their messages if there is not exactly one."""
    assert len(found) == 1, [d.message for d in found]
    return found[0]


class Batch:
    """A record batch as the loader makes it: nullable dtypes, categorical enums."""

    def __init__(self, schema: t.RecordSchema, rows: Sequence[dict[str, Any]]) -> None:
        columns: dict[str, Any] = {}
        for name, spec in schema.fields.items():
            values = [row.get(name) for row in rows]
            columns[name] = _column(spec.type, values)
        self.frame = pd.DataFrame(columns)
        self.table = self.frame  # what the engine reads
        self.ids = [str(row.get("id", f"#{i + 1}")) for i, row in enumerate(rows)]

    def origin(self, index: int) -> r.Location:
        return r.Location.of("test.yaml", index + 1)


def _column(ftype: t.Type, values: list[Any]) -> Any:
    match ftype:
        case t.EnumT(items=items):
            return pd.Categorical(values, categories=list(items))
        case t.BoolT():
            return pd.array(values, dtype="boolean")
        case t.YearT():
            return pd.array(values, dtype="Int64")
        case t.TextT():
            return pd.array(values, dtype="string")
    return pd.array([None if v is None else float(v) for v in values], dtype="Float64")


class Data:
    """Plan data rows (indicator, region, year, value, kind)."""

    def __init__(self, rows: Sequence[tuple[str, str, int, float, str]]) -> None:
        self.frame = pd.DataFrame(list(rows), columns=["indicator", "region", "year", "value",
                                                       "kind"])

    def origin(self, index: int) -> r.Location:
        return r.Location.of("data.csv", index + 2, row=True)


def drain(leader: int) -> bytes:
    """Everything written to a pseudo-terminal until its other end is closed."""
    import os

    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # Linux: EIO once the follower side is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def check_json(path: Path, *extra: str) -> tuple[int, dict[str, Any], str]:
    """`plancheck check PATH --as-of 2024 --format json --lang en` in a subprocess, as a user
    runs it: the exit code, the result (empty on exit 2) and standard error."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "checker", "check", str(path), "--as-of",
                           "2024", "--format", "json", "--lang", "en", *extra], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300, check=False)
    assert "Traceback" not in done.stderr
    return done.returncode, json.loads(done.stdout) if done.returncode != 2 else {}, \
        done.stderr


def outcome_of(result: dict[str, Any], rule: str, subject: str = "大兴区") -> dict[str, Any]:
    """The one outcome of `rule` for `subject` in a JSON result."""
    (found,) = [o for o in result["outcomes"] if (o["rule"], o["subject"]) == (rule, subject)]
    return found


def table_note(result: dict[str, Any], path: Path) -> str:
    """The note that accounts for every row of the table at `path`."""
    shown = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    (note,) = [n for n in result["notes"] if n.startswith(f"`{shown}`: ")]
    return note
