"""Terminal text and Markdown: evidence, counts, colour only on a terminal, escaping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.result import Result
from reports import Options, common, markdown, render, text

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "reports" / "result.json"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def fixed() -> Result:
    return Result.from_json(GOLDEN.read_text(encoding="utf-8"))


def many(count: int) -> Result:
    """The fixed result with `count` failing proposals for FARM-01."""
    result = fixed()
    template = next(o for o in result.outcomes if o.rule == "FARM-01" and o.outcome == "fail")
    extra = [template.model_copy(update={"subject": f"Q-{i:05d}"}) for i in range(count)]
    rules = [r.model_copy(update={"counts": {**r.counts, "fail": count + 1, "pass": 1188 - count}})
             if r.id == "FARM-01" else r for r in result.rules]
    return result.model_copy(update={"outcomes": [*result.outcomes, *extra], "rules": rules})


def test_plain_text_has_no_escape_codes_and_colour_does() -> None:
    assert not ANSI.search(render(fixed(), "text"))
    assert ANSI.search(render(fixed(), "text", color=True))
    assert ANSI.sub("", render(fixed(), "text", color=True)).count("LAND-01") >= 2


def test_plain_text_fits_100_columns_without_trailing_spaces() -> None:
    for line in render(fixed(), "text").splitlines():
        assert line == line.rstrip()


def test_finding_shows_evidence() -> None:
    out = render(fixed(), "text")
    block = out.split("LAND-01 城乡建设用地规模 · binding (error)", 1)[1].split("\n\n\n", 1)[0]
    for expected in ["第九章, line 315", "“城乡建设用地规模控制在319平方公里以内”",
                     "require urban_rural_construction_land <= 319 km2",
                     "rules/demo/rules.rules:38:1",
                     "320 km² · threshold 319 km² · over by 1 km², 0.313 %",
                     "✗ require urban_rural_construction_land <= 319 km2 (2022) → false",
                     "from     data/daxing-2023.csv:row 4", "years    2022, 2023"]:
        assert expected in block, expected


def test_user_markup_is_printed_as_written() -> None:
    result = fixed()
    odd = result.outcomes[1].model_copy(update={"subject": "[bold red]x[/]", "message": "[link]"})
    out = text.write(result.model_copy(update={"outcomes": [odd]}), Options(color=True))
    assert "[bold red]x[/]" in ANSI.sub("", out) and "[link]" in ANSI.sub("", out)


@pytest.mark.parametrize(("counts", "subject", "expected"), [
    ({"fail": 3, "pass": 1187}, "record", "3 of 1,190 proposals fail"),
    ({"fail": 1, "pass": 2, "unknown": 1}, "record", "1 of 4 proposals fails · 1 unknown"),
    ({"fail": 1}, "batch", "the batch fails"),
    ({"pending": 2}, "series", "0 of 2 series fail · 2 pending"),
])
def test_count_line(counts: dict[str, int], subject: str, expected: str) -> None:
    rule = fixed().rules[0].model_copy(update={"counts": counts, "subject": subject})
    assert common.count_line(rule) == expected


def test_long_runs_print_the_first_findings_and_count_the_rest() -> None:
    out = render(many(400), "text")
    assert "401 of 1,190 proposals fail · 1 unknown" in out
    assert "Q-00017" in out and "Q-00018" not in out  # 20 shown: 2 before, then Q-00000…
    assert "… 382 more findings of FARM-01" in out


def test_unlisted_findings_are_counted() -> None:
    result = fixed()
    rules = [r.model_copy(update={"counts": {**r.counts, "fail": 50}}) if r.id == "RES-01" else r
             for r in result.rules]
    out = render(result.model_copy(update={"rules": rules}), "text")
    assert "… 49 more findings of RES-01" in out


# ------------------------------------------------------------------ markdown


def test_markdown_has_a_summary_table_and_collapsible_details() -> None:
    out = render(fixed(), "markdown")
    assert out.startswith("## ❌ plancheck: 4 proposals · 1 batch · 1 region")
    assert "| ❌ | FARM-01 | 严格保护永久基本农田 | binding | 2 | 1 | 1 | · | · | · |" in out
    assert out.count("<details>") == out.count("</details>") == 10
    assert "> 城乡建设用地规模控制在319平方公里以内" in out


@pytest.mark.parametrize(("raw", "expected"), [
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("a|b", "a\\|b"),
    ("*x* _y_ `z`", "\\*x\\* \\_y\\_ \\`z\\`"),
    ("@team #12", "&#64;team &#35;12"),
    ("[x](javascript:y)", "\\[x\\](javascript:y)"),
    ("line\nnext", "line<br>next"),
    ("$x$", "\\$x\\$"),
])
def test_markdown_escaping(raw: str, expected: str) -> None:
    assert markdown.esc(raw) == expected


def test_markdown_code_spans_stay_escaped() -> None:
    assert markdown.rich("x `a|b<c>` y") == "x <code>a\\|b&lt;c&gt;</code> y"


def test_markdown_table_rows_keep_their_columns() -> None:
    for line in render(fixed(), "markdown").splitlines():
        if line.startswith("| ") and "subject" not in line:
            cells = re.split(r"(?<!\\)\|", line)
            assert len(cells) in (9, 10, 12), line  # evaluation table, rules, findings


def test_markdown_stays_under_githubs_comment_limit() -> None:
    out = render(many(3000), "markdown")
    assert len(out) < 65_536
    assert "… 2,952 more findings of FARM-01." in out



def test_markdown_cuts_whole_rules_to_fit_a_comment() -> None:
    result = fixed()
    template_rule = next(r for r in result.rules if r.id == "FARM-01")
    template = next(o for o in result.outcomes if o.rule == "FARM-01" and o.outcome == "fail")
    rules = [template_rule.model_copy(update={"id": f"R-{i:03d}", "counts": {"fail": 40}})
             for i in range(200)]
    outcomes = [template.model_copy(update={"rule": r.id, "subject": f"S-{j}"})
                for r in rules for j in range(40)]
    out = render(result.model_copy(update={"rules": rules, "outcomes": outcomes}), "markdown")
    assert len(out) < 65_536
    assert "_The report was cut to fit a comment" in out
    assert out.count("<details>") == out.count("</details>") > 0
    assert out.rstrip().endswith("</sub>")
