"""User strings reached terminals raw (issue 15, defect 4): an id holding `\\e]0;…\\a\\e[2J`
(window title, clear screen), an OSC 8 link, C1 controls or RLO arrived intact on a
terminal; ESC also appeared raw in Markdown, HTML and the GitHub annotation title; unknown
keys, units, columns and region names were echoed raw in diagnostics.  Every human format
now escapes them (`\\x1b`, `\\u202e`), and the CLI's streams keep only its own colours."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.cli.main import main
from tests.helpers import ROOT

FAILING = (ROOT / "examples" / "proposals" / "fail-farmland-greenhouse.yaml").read_text(
    encoding="utf-8")
HOSTILE = "P\x1b]0;pwned\x07\x1b[2J\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\\u202eX\x9b2J\x85"
# what no output may hold once the program's own colour codes are taken out
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
COLOUR = re.compile(r"\x1b\[[0-9;]*m")


def _yaml_string(text: str) -> str:
    return '"' + "".join(c if c.isprintable() and c not in '"\\' else f"\\u{ord(c):04x}"
                         for c in text) + '"'


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "github", "junit", "sarif",
                                 "json", "csv"])
def test_a_hostile_id_is_escaped_in_every_format(tmp_path: Path, fmt: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    text = re.sub(r"(?m)^id: .*$", lambda _: f"id: {_yaml_string(HOSTILE)}", FAILING)
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    assert main(["check", str(tmp_path / "p.yaml"), "--format", fmt,
                 "-o", str(tmp_path / "out")]) == 1
    written = (tmp_path / "out").read_text(encoding="utf-8")
    assert RAW.search(written) is None
    if fmt != "csv":  # the evaluation table of plan data: no proposal ids
        assert "\\x1b" in written or "\\u001b" in written or "\\u001B" in written


def test_a_coloured_terminal_gets_colours_and_nothing_else(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    text = re.sub(r"(?m)^id: .*$", lambda _: f"id: {_yaml_string(HOSTILE)}", FAILING)
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    assert main(["check", str(tmp_path / "p.yaml")]) == 1
    out = capsys.readouterr().out
    assert COLOUR.search(out) is not None  # coloured, so the guard had work to do
    assert RAW.search(COLOUR.sub("", out)) is None


@pytest.mark.parametrize(("name", "text"), [
    ("p.yaml", f"id: P-1\n{_yaml_string('key' + HOSTILE)}: 1\n"),
    ("p.yaml", f"id: P-1\nland_area: {_yaml_string('12 ' + HOSTILE)}\n"),
    ("d.csv", f"indicator,region,year,value,unit,{HOSTILE}\n"
              "urban_rural_construction_land,大兴区,2020,318.9,km²,x\n"),
    ("d.csv", f"indicator,region,year,value,unit\nurban_rural_construction_land,"
              f"大兴{HOSTILE},2020,318.9,km²\n"),
    ("d.csv", f"indicator,region,year,value,unit\nurban_rural_construction_land,"
              f"大兴区,2020,318.9,km{HOSTILE}\n"),
    ("d.csv", f"indicator,region,year,value,unit\n{HOSTILE},大兴区,2020,1,km²\n")])
def test_diagnostics_escape_keys_units_columns_and_regions(
        tmp_path: Path, name: str, text: str, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["check", str(tmp_path / name), "-o", str(tmp_path / "out")]) in (0, 2)
    captured = capsys.readouterr()
    for output in (captured.out, captured.err, (tmp_path / "out").read_text("utf-8")
                   if (tmp_path / "out").exists() else ""):
        assert RAW.search(output) is None
