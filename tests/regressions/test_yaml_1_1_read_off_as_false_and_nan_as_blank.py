"""PyYAML reads YAML 1.1: `in_strategic_reserve: off` was read as `false` (and
`y`, `on`, `n` as booleans), `010` as eight and `1:30` as ninety; `.nan` (and
JSON's `NaN`) was a float NaN that counted as blank, so a field's default applied
and a land rule passed on a figure nobody gave; `1.0` passed as a flag.  Records
are now read by the YAML 1.2 core schema, NaN and infinities are D320, and a flag
is true/false, yes/no, 是/否 or the integers 1/0."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli.main import main
from checker.data.documents import read_documents
from checker.data.problems import Problems
from tests.helpers import ROOT

GOOD = (ROOT / "examples" / "proposals" / "airport-logistics.yaml").read_text(encoding="utf-8")


def _with(field: str, value: str) -> str:
    kept = [line for line in GOOD.splitlines() if not line.startswith(f"{field}:")]
    return "\n".join([*kept, f"{field}: {value}", ""])


def _check(folder: Path, name: str, text: str) -> int:
    (folder / name).write_text(text, encoding="utf-8")
    return main(["check", str(folder / name), "--format", "json", "-o", str(folder / "r.json")])


@pytest.mark.parametrize(("field", "value", "code"), [
    ("in_strategic_reserve", "off", "D323"),
    ("in_strategic_reserve", "on", "D323"),
    ("in_strategic_reserve", "n", "D323"),
    ("in_strategic_reserve", "1.0", "D323"),
    ("land_area", ".nan", "D320"),
    ("land_area", ".NaN", "D320"),
    ("land_area", "-.inf", "D320"),
    ("new_construction_land", ".nan", "D320"),
    ("completion_year", "1:30", "D324"),
])
def test_values_yaml_1_1_or_nan_read_wrongly_are_diagnostics(
        tmp_path: Path, field: str, value: str, code: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert _check(tmp_path, "p.yaml", _with(field, value)) == 2
    assert f"[{code}]" in capsys.readouterr().err


@pytest.mark.parametrize(("field", "value"), [("in_strategic_reserve", "no"),
                                              ("in_strategic_reserve", "0"),
                                              ("new_operating_vehicles", "040"),
                                              ("investment", "1.8e1 亿元")])
def test_plain_values_still_read(tmp_path: Path, field: str, value: str) -> None:
    assert _check(tmp_path, "p.yaml", _with(field, value)) == 0


def test_core_schema_values(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("a: 010\nb: 0o10\nc: 0x10\nd: 1:30\ne: 2023-06-30\nf: on\ng: 1e3\n"
                    "h: ~\ni: True\n", encoding="utf-8")
    document = read_documents(path, "p.yaml", Problems())
    assert document is not None
    assert document.entries[0].values == {"a": 10, "b": 8, "c": 16, "d": "1:30",
                                          "e": "2023-06-30", "f": "on", "g": 1000.0,
                                          "h": None, "i": True}


@pytest.mark.parametrize("word", ["NaN", "Infinity", "-Infinity"])
def test_json_nan_is_d320_at_its_place(tmp_path: Path, word: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    text = '[{"id": "A", "land_area": ' + word + "}]"
    assert _check(tmp_path, "p.json", text) == 2
    err = capsys.readouterr().err
    assert "[D320]" in err and "p.json:1:27" in err


def test_json_nested_past_the_stack_is_d304(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert _check(tmp_path, "p.json", "[" * 100_000) == 2
    assert "[D304]" in capsys.readouterr().err
