"""`occupies_permanent_basic_farmland: 0.0` and `off` were read as false, so FARM-01 passed
(issue 15, defect 2).  One boolean parser now reads exactly the documented spellings —
true/false, yes/no, 是/否, 1/0 — in YAML, JSON and tables alike; anything else is D323."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli.main import main

FIELDS = ("id", "occupies_permanent_basic_farmland", "in_ecological_red_line")


def _write(folder: Path, kind: str, value: str) -> Path:
    path = folder / f"p.{kind}"
    if kind == "csv":
        path.write_text(f"{','.join(FIELDS)}\nP-1,{value},false\n", encoding="utf-8")
    elif kind == "json":
        path.write_text(f'{{"id": "P-1", "{FIELDS[1]}": {value}, "{FIELDS[2]}": false}}',
                        encoding="utf-8")
    else:
        path.write_text(f"id: P-1\n{FIELDS[1]}: {value}\n{FIELDS[2]}: false\n",
                        encoding="utf-8")
    return path


@pytest.mark.parametrize(("kind", "value"), [
    ("yaml", "0.0"), ("yaml", "off"), ("yaml", "1.0"), ("yaml", "n"), ("yaml", "on"),
    ("csv", "0.0"), ("csv", "off"), ("csv", "N"), ("csv", "1.0"),
    ("json", "0.0"), ("json", '"off"'), ("json", '"0.0"'), ("json", "1.0")])
def test_spellings_outside_the_documented_ones_are_d323(
        tmp_path: Path, kind: str, value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(_write(tmp_path, kind, value))]) == 2
    err = capsys.readouterr().err
    assert "[D323]" in err and "is not true or false" in err


@pytest.mark.parametrize(("kind", "value", "verdict"), [
    ("yaml", "false", 0), ("yaml", "否", 0), ("yaml", "no", 0), ("yaml", "0", 0),
    ("yaml", "true", 1), ("yaml", "是", 1), ("csv", "FALSE", 0), ("csv", " 0 ", 0),
    ("csv", "是", 1), ("json", "0", 0), ("json", '"否"', 0), ("json", "1", 1)])
def test_the_documented_spellings_read(tmp_path: Path, kind: str, value: str,
                                       verdict: int) -> None:
    assert main(["check", str(_write(tmp_path, kind, value)), "-o", "/dev/null"]) == verdict
