"""GitHub Actions workflow commands: levels, locations, and GitHub's escaping rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.result import Result
from reports import render
from reports.github import command, escape_data, escape_property

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "reports" / "result.json"
_COMMAND = re.compile(r"^::(error|warning|notice)( [^:]*)?::(.*)$")


def fixed() -> Result:
    return Result.from_json(GOLDEN.read_text(encoding="utf-8"))


def unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


@pytest.mark.parametrize(("raw", "data", "prop"), [
    ("50%", "50%25", "50%25"),
    ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
    ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
    ("%0A", "%250A", "%250A"),
    ("::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"),
])
def test_escaping_follows_the_toolkit(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_command_shape() -> None:
    assert command("error", {"file": "a,b.yaml", "line": "3"}, "x\ny") == \
        "::error file=a%2Cb.yaml,line=3::x%0Ay"
    assert command("notice", {}, "done") == "::notice::done"


def test_every_line_is_one_well_formed_command() -> None:
    lines = render(fixed(), "github").splitlines()
    assert len(lines) == len(fixed().to_look_at()) + 1
    for line in lines:
        match = _COMMAND.match(line)
        assert match, line
        properties = (match.group(2) or "").strip()
        for pair in filter(None, properties.split(",")):
            key, _, value = pair.partition("=")
            assert key in ("file", "line", "col", "title"), line
            assert "," not in value and "\n" not in value


def _line(subject: str, rule: str) -> str:
    return next(line for line in render(fixed(), "github").splitlines()
                if re.search(f"title={rule}( |%3A)", line) and escape_property(subject) in line)


def test_hostile_subject_is_escaped_in_properties() -> None:
    line = _line("P-004 & 50%, a:b", "SHARE-01")
    assert line.startswith("::error file=proposals/批次 <1>.yaml,line=37,title=SHARE-01 ")
    assert "P-004 & 50%25%2C a%3Ab" in line
    message = line.split("::", 2)[2]
    assert unescape(message).splitlines()[:2] == ["division by zero in `investment / land_area`",
                                                  "land_area = 0 km²"]


@pytest.mark.parametrize(("rule", "subject", "level"), [
    ("FARM-01", "<script>alert(1)</script>", "error"),
    ("ZONE-01", "<script>alert(1)</script>", "warning"),
    ("FARM-01", '"><img src=x onerror=alert(2)>', "warning"),
    ("BUS-01", "大兴区", "notice"),
])
def test_levels(rule: str, subject: str, level: str) -> None:
    assert _line(subject, rule).startswith(f"::{level} ")


def test_batch_finding_points_at_the_rule_file() -> None:
    assert _line("all project", "LAND-02").startswith(
        "::error file=rules/demo/rules.rules,line=32,col=1,title=LAND-02 ")


def test_message_cites_the_plan() -> None:
    message = unescape(_line("大兴区", "LAND-01").split("::", 2)[2])
    assert "plan: 第九章, line 315: “城乡建设用地规模控制在319平方公里以内”" in message


def test_summary_notice_last() -> None:
    last = render(fixed(), "github").splitlines()[-1]
    assert last.startswith("::notice title=plancheck daxing-14th::4 proposals · 1 batch · 1 region")
