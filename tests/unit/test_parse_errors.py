"""Syntax diagnostics field by field: code, message, underlined text, label and help.

A reworded message fails exactly one assertion here, and one golden file in
`tests/golden/syntax`.  Also: terminal names never reach a user, decoding
problems, the renderer (tabs, wide characters, long lines, invisible
characters), file-system codes, random damage to a valid suite, and speed.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from checker.diagnostics import Diagnostic, DiagnosticError, display_width, render, render_all
from checker.source import SourceFile, Span
from checker.syntax.build import build
from checker.syntax.grammar import expected_words, parser, terminal_word
from checker.syntax.parse import MAX_ERRORS, MAX_FILE_BYTES, Parsed, decode, parse
from checker.syntax.suite import load_suite, parse_file, rule_files

ROOT = Path(__file__).resolve().parents[2]
RULE = 'rule LAND-01 {\n  cite "第九章" line 315: "城乡建设用地规模控制在319平方公里以内"\n'


def diagnostics(text: str) -> tuple[list[Diagnostic], SourceFile]:
    source = SourceFile("t.rules", text)
    parsed = parse(source)
    result = parsed if isinstance(parsed, list) else build(parsed)
    assert isinstance(result, list), "expected diagnostics, the text parsed and built"
    return result, source


def only(text: str) -> tuple[Diagnostic, str]:
    """The single diagnostic of `text` and the text its span underlines."""
    found, source = diagnostics(text)
    assert len(found) == 1, found
    (diagnostic,) = found
    return diagnostic, underlined(source, diagnostic.span)


def underlined(source: SourceFile, span: Span) -> str:
    line = source.line_text(span.line)
    end = span.end_column - 1 if span.end_line == span.line else len(line)
    return line[span.column - 1 : end]


# (id, text, code, message, underlined, label, help)
CASES = [
    ("misspelled-clause", RULE + "  requre land <= 319 km2\n}\n", "P115",
     "unknown keyword `requre` in rule `LAND-01`", "requre", "expected a clause or `}`",
     "did you mean `require`?"),
    ("misspelled-statement", "rul LAND-01 {\n}\n", "P115", "unknown keyword `rul`", "rul",
     "expected a statement", "did you mean `rule`?"),
    ("misspelled-kind", "rule A-1 {\n  kind bindng\n}\n", "P115",
     "unknown keyword `bindng` in rule `A-1`", "bindng", "expected `binding` or `anticipatory`",
     "did you mean `binding`?"),
    ("misspelled-after-number", RULE + "  require land <= 319 km2\n  uneless x is present\n}\n",
     "P115", "unknown keyword `uneless` in rule `LAND-01`", "uneless", "",
     "did you mean `unless`?"),
    ("glued-keyword", RULE + "  requireland <= 319 km2\n}\n", "P115",
     "missing space after `require` in `requireland`", "requireland", "",
     "write `require land`"),
    ("glued-statement", "ruleLAND-01 {\n}\n", "P115",
     "missing space after `rule` in `ruleLAND-01`", "ruleLAND", "", "write `rule LAND-01`"),
    ("missing-rule-id", "rule {\n}\n", "P103", "missing rule id", "{", "found `{`",
     'write it as `rule LAND-01 "title" { cite …  kind …  require … }`'),
    ("missing-colon", 'rule A-1 {\n  cite "s" "q"\n}\n', "P103",
     'unexpected `"q"` in rule `A-1`', '"q"', "expected `line` or `:`",
     'write it as `cite "第九章 三" line 315: "the plan\'s sentence"`'),
    ("source-without-file", 'source beijing "北京城市总体规划" "beijing.txt"\n', "P103",
     'unexpected `"beijing.txt"` in source `beijing`', '"beijing.txt"', "expected `file`",
     'write it as `source beijing "北京城市总体规划" file "beijing.txt"`'),
    ("cite-source-without-section", 'rule A-1 {\n  cite beijing line 3: "q"\n}\n', "P103",
     "unexpected `line` in rule `A-1`", "line", "expected a string",
     'write it as `cite "第九章 三" line 315: "the plan\'s sentence"`'),
    ("incomplete-clause", "rule A-1 {\n  require x >\n}\n", "P103",
     "incomplete `require` clause in rule `A-1`", "", "expected a value, `(` or `-`",
     "write it as `require land <= 319 km2 each year in 2021..2025`"),
    ("year-expected", "rule A-1 {\n  require x > 1 by\n}\n", "P103",
     "incomplete `require` clause in rule `A-1`", "", "expected a year",
     "write it as `require land <= 319 km2 each year in 2021..2025`"),
    ("single-equals", "rule A-1 {\n  require zone = 大兴新城\n}\n", "P103",
     "unexpected `=` in rule `A-1`", "=", "expected a comparison",
     "write `==` to compare two values"),
    ("keyword-outside", "require x > 1\n", "P103", "unexpected `require`", "require",
     "expected a statement", "`require` belongs inside a `rule`; is there an extra `}` above?"),
    ("keyword-as-field", "record project {\n  id: text\n  set: text\n}\n", "P103",
     "keyword `set` cannot be a name here in record `project`", "set", "read as a keyword",
     "quote it to use it as a name: `` `set` ``"),
    ("thousands", "rule A-1 {\n  require x >= 640,000 m2\n}\n", "P103",
     "unexpected `,` in rule `A-1`", ",", "thousands separator",
     "write numbers without separators: `1000`"),
    ("year-range-dash", "rule A-1 {\n  require x > 1 each year in 2021-2025\n}\n", "P103",
     "unexpected `-` in rule `A-1`", "-", "expected `..`", "a year range is written `2021..2025`"),
    ("quote-in-string", 'rule A-1 {\n  cite "a "b"": "c"\n}\n', "P103",
     "unexpected `b` in rule `A-1`", "b", "right after a string",
     'to put a quote inside a string, write it as `\\"`'),
    ("unclosed-brace-eof", "rule A-1 {\n  require x > 1\n", "P104", "unclosed `{` in rule `A-1`",
     "{", "opened here and never closed", "add `}` to close it"),
    ("unclosed-brace-next", "rule A-1 {\n  require x > 1\n\nrule A-2 {\n}\n", "P104",
     "unclosed `{` in rule `A-1`", "{", "opened here and never closed",
     "add `}` before line 4, where the next statement starts"),
    ("unclosed-paren", "rule A-1 {\n  require (x > 1\n}\n", "P104", "unclosed `(` in rule `A-1`",
     "(", "opened here and never closed", "add `)` before `}` on line 3"),
    ("indented-statement", "rule A-1 {\n  require x\n  rule A-2 {\n  }\n", "P104",
     "unclosed `{` in rule `A-1`", "{", "opened here and never closed",
     "add `}` before `rule` on line 3"),
    ("end-of-file", "unit km2 =", "P104", "unexpected end of file in unit `km2`", "",
     "expected a number",
     'write it as `unit m2 of area` or `unit km2 = 1000000 m2 alias "平方公里"`'),
    ("fullwidth-comma", "set 镇街 = {黄村镇，西红门镇}\n", "P106",
     "fullwidth comma `，` outside a string", "，", "not allowed outside strings",
     "use `,` instead"),
    ("fullwidth-quote", 'rule A-1 {\n  cite “s”: "q"\n}\n', "P106",
     "left double quotation mark `“` outside a string", "“", "not allowed outside strings",
     'strings are written between ASCII double quotes `"`'),
    ("square-km", "unit ㎢ = 1000000 m2\n", "P106", "square km squared `㎢` outside a string",
     "㎢", "not allowed outside strings", "use `km2` instead"),
    ("fullwidth-letters", "ｒｕｌｅ A-1 {\n}\n", "P106", "full-width letters in `ｒｕｌｅ`",
     "ｒｕｌｅ", "full-width", "write `rule` in ASCII letters"),
    ("ideographic-space", "rule A-1 {\n  require x　> 1\n}\n", "P106",
     "ideographic space `U+3000` outside a string", "　", "ideographic space",
     "replace it with a plain space"),
    ("greater-equal", "rule A-1 {\n  require x ≥ 1\n}\n", "P106",
     "greater-than or equal to `≥` outside a string", "≥", "not allowed outside strings",
     "use `>=` instead"),
    ("ampersand", "rule A-1 {\n  require x > 1 && y > 1\n}\n", "P102",
     "unexpected character `&` in rule `A-1`", "&", "", "write `and`"),
    ("dotted-name", "rule A-1 {\n  require PM2.5 < 35\n}\n", "P102",
     "unexpected character `.` in rule `A-1`", ".", "",
     "a name with a dot must be quoted: `` `PM2.5` ``"),
    ("zero-width", "rule A-1 {\n  require x\u200b > 1\n}\n", "P102",
     "invisible character `\\u200b` (zero width space) in rule `A-1`", "\u200b",
     "invisible character here", "delete it; rules files are plain text"),
    ("unterminated", 'plan p {\n  title "大兴区\n}\n', "P108",
     "unterminated string in plan `p`", '"大兴区', "this string is never closed",
     'close it with `"` on the same line; a string cannot span lines'),
    ("unterminated-fullwidth", 'plan p {\n  title "大兴区”\n}\n', "P108",
     "unterminated string in plan `p`", '"大兴区”', "this string is never closed",
     'the string seems to end with a full-width `”`; close it with the ASCII `"`'),
    ("chained", "rule A-1 {\n  require 0 < x < 100%\n}\n", "P113",
     "comparisons cannot be chained", "<", "a second comparison",
     "write `0 < x and x < 100%`"),
    ("lone-brace", "}\n", "P114", "unmatched `}`", "}", "no `{` is open here",
     "remove it, or add the `{` … `}` block it was meant to close"),
    ("extra-paren", "rule A-1 {\n  require x > 1)\n}\n", "P114",
     "unmatched `)` in rule `A-1`", ")", "no `(` is open here",
     "remove it, or add the `(` it was meant to close"),
    ("empty", "", "P116", "file has no statements", "", "",
     "a rules file holds statements such as `rule LAND-01 { … }`; "
     "delete the file if it is not needed"),
    ("bad-escape", 'plan p {\n  title "a\\tb"\n}\n', "P109", "unknown escape `\\t` in string",
     "\\t", "", 'only `\\"` and `\\\\` are escapes; write other characters as they are'),
    ("not-a-year", "rule A-1 {\n  require x > 1 by 2025.5\n}\n", "P110",
     "`2025.5` is not a year", "2025.5", "",
     "write a whole year from 1900 to 2200, such as `2025`"),
    ("backwards", "rule A-1 {\n  require x > 1 each year in 2025..2021\n}\n", "P111",
     "year range `2025..2021` runs backwards", "2025..2021", "", "write `2021..2025`"),
    ("zero-factor", "unit nothing = 0 m2\n", "P112", "unit factor must be positive", "0", "",
     "a derived unit is a positive multiple of another unit, such as `unit km2 = 1000000 m2`"),
]


@pytest.mark.parametrize(("text", "code", "message", "marked", "label", "advice"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_diagnostic_fields(text: str, code: str, message: str, marked: str, label: str,
                           advice: str) -> None:
    diagnostic, shown = only(text)
    assert diagnostic.code == code
    assert diagnostic.message == message
    if marked:
        assert shown == marked
    assert diagnostic.label == label
    assert diagnostic.help == advice
    assert diagnostic.severity == "error"


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_message_style(case: tuple[str, ...]) -> None:
    """Lowercase, no trailing period, no terminal names; help is advice, not a message."""
    diagnostic, _ = only(case[1])
    for text in (diagnostic.message, diagnostic.label, diagnostic.help):
        assert not text.endswith(".")
        assert not re.search(r"\b(_[A-Z]+|[A-Z]{2,}_[A-Z_]+|RPAR|LPAR|RBRACE|LBRACE|\$END)\b",
                             text), text
    assert diagnostic.message[:1] == diagnostic.message[:1].lower()


def test_one_error_per_bad_statement_with_correct_lines() -> None:
    text = ("set a = {x，y}\n\n"
            "rule A-1 {\n  requre x\n}\n\n"
            "rule A-2 {\n  require x > 1\n}\n\n"
            "rule A-3 {\n  require 0 < x < 1\n}\n\n"
            'plan p {\n  title "t\n}\n')
    found, _ = diagnostics(text)
    assert [(d.code, d.span.line) for d in found] == [
        ("P106", 1), ("P115", 4), ("P113", 12), ("P108", 16)]


def test_errors_per_file_are_capped() -> None:
    text = "".join(f"rule R-{i} {{\n  requre x\n}}\n" for i in range(MAX_ERRORS + 5))
    found, _ = diagnostics(text)
    assert len(found) == MAX_ERRORS + 1
    assert found[-1].code == "P117"
    assert found[-1].message == f"too many syntax errors; stopped after {MAX_ERRORS}"
    assert found[-1].span.line == 3 * MAX_ERRORS + 1


def test_a_field_named_like_a_statement_does_not_split_the_file() -> None:
    found, _ = diagnostics("record r {\nrule: text\n  x text\n}\n")
    assert [(d.code, d.span.line, d.span.column) for d in found] == [("P103", 3, 5)]


def test_nesting_limit_points_at_the_first_parenthesis_too_deep() -> None:
    diagnostic, shown = only("rule A-1 {\n  require " + "(" * 101 + "x" + ")" * 101 + "\n}\n")
    assert (diagnostic.code, diagnostic.span.column, shown) == ("P107", 111, "(")


# ------------------------------------------------------------------ words, not terminal names
def test_every_terminal_has_words() -> None:
    for terminal in parser().terminals:
        if terminal.name in ("WS", "COMMENT"):
            continue
        word = terminal_word(terminal.name)
        assert word, terminal.name
        assert terminal.name not in word


def test_expected_lists_group_and_order_words() -> None:
    words, few = expected_words(frozenset({"RPAR", "COMMA", "_AND", "_OR"}))
    assert (words, few) == ("`or`, `and`, `,` or `)`", False)
    words, few = expected_words(frozenset({"_CITE", "_KIND", "_FOR", "_WHERE", "_READ", "_BASIS",
                                           "_REQUIRE", "_UNLESS", "RBRACE"}), short=True)
    assert (words, few) == ("a clause or `}`", True)


# ------------------------------------------------------------------ decoding
def test_a_byte_order_mark_is_skipped_and_columns_stay_right() -> None:
    decoded = decode("t.rules", b"\xef\xbb\xbfrule A-1 x {\n}\n")
    assert isinstance(decoded, SourceFile)
    (diagnostic,) = parse_diagnostics(decoded)
    assert (diagnostic.span.line, diagnostic.span.column) == (1, 10)


def parse_diagnostics(source: SourceFile) -> list[Diagnostic]:
    result = parse(source)
    assert isinstance(result, list)
    return result


@pytest.mark.parametrize(("data", "message", "position", "advice"), [
    (b"rule A {\n\xff}", "file is not valid UTF-8", (2, 1),
     "save the file as UTF-8 (rules files are text)"),
    ("rule A {\n  cite \"城乡建设用地\"\n}\n".encode("gbk"), "file is not valid UTF-8", (2, 9),
     "the file looks like GBK/GB18030 Chinese text; save it as UTF-8"),
    ("rule A {}\n".encode("utf-16"), "file is not valid UTF-8", (1, 1),
     "the file is UTF-16; save it as UTF-8"),
    ("rule A {}\n".encode("utf-16-le"), "file is not text: it contains a NUL byte", (1, 2),
     "the file looks like UTF-16; save it as UTF-8"),
    (b"rule A {\n  x\x00\n}", "file is not text: it contains a NUL byte", (2, 4),
     "rules files are UTF-8 text; is this a binary file?"),
])
def test_undecodable_input(data: bytes, message: str, position: tuple[int, int],
                           advice: str) -> None:
    diagnostic = decode("t.rules", data)
    assert isinstance(diagnostic, Diagnostic)
    assert (diagnostic.code, diagnostic.message, diagnostic.help) == ("P101", message, advice)
    assert (diagnostic.span.line, diagnostic.span.column) == position
    assert diagnostic.excerpt is not None
    rendered = render(diagnostic, {})
    assert "^" in rendered and "\x00" not in rendered


def test_an_oversized_file_is_refused_before_decoding() -> None:
    size = MAX_FILE_BYTES + 1024 * 1024
    diagnostic = decode("big.rules", b"\xff" * size)
    assert isinstance(diagnostic, Diagnostic)
    assert diagnostic.code == "P105"
    assert diagnostic.message == f"file is too large ({size:,} bytes)"


def test_a_ten_thousand_rule_file_is_within_the_limit() -> None:
    rule = ('rule LAND-{:05d} "城乡建设用地规模控制在319平方公里以内" {{\n'
            '  cite "第九章 三 (一)" line 315: "城乡建设用地规模控制在319平方公里以内"\n'
            '  kind binding because "国土空间规划约束性指标"\n'
            '  require urban_rural_construction_land <= 319 km2 each year in 2021..2025\n}}\n\n')
    data = "".join(rule.format(n) for n in range(10_000)).encode()
    assert len(data) < MAX_FILE_BYTES
    assert not isinstance(decode("big.rules", data), Diagnostic)


# ------------------------------------------------------------------ file system codes
def test_a_folder_without_rules(tmp_path: Path) -> None:
    with pytest.raises(DiagnosticError) as caught:
        load_suite([tmp_path])
    (diagnostic,) = caught.value.diagnostics
    assert (diagnostic.code, diagnostic.message) == ("P120", f"no `.rules` files in `{tmp_path}`")


def test_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(DiagnosticError) as caught:
        load_suite([tmp_path / "nowhere.rules"])
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "P121"


def test_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.rules"
    path.write_text("rule A {}\n")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    _, result = parse_file(path, "locked.rules")
    assert isinstance(result, list)
    (diagnostic,) = result
    assert (diagnostic.code, diagnostic.message) == (
        "P122", "cannot read `locked.rules`: Permission denied")


# ------------------------------------------------------------------ rendering
def test_tabs_and_wide_characters_keep_the_caret_under_the_token() -> None:
    found, source = diagnostics("set 产业 = {氢能,\t信创 数字}\n")
    lines = render_all(found, {"t.rules": source}).splitlines()
    code_line, marker = lines[3], lines[4]
    assert code_line == "1 | set 产业 = {氢能,    信创 数字}"
    assert marker.index("^") == display_width(code_line[: code_line.index("数字")])
    assert marker.count("^") == 4  # two wide characters


def test_long_lines_are_cut_around_the_span() -> None:
    text = "set a = {" + ", ".join(f"b{i}" for i in range(2000)) + " c}\n"
    found, source = diagnostics(text)
    lines = render_all(found, {"t.rules": source}).splitlines()
    assert len(lines[3]) < 120 and lines[3].startswith("1 | …")
    assert lines[3][lines[4].index("^")] == "c"


def test_control_characters_are_escaped_in_the_excerpt() -> None:
    found, source = diagnostics("rule A-1 {\n  require x\x1b > 1\n}\n")
    rendered = render_all(found, {"t.rules": source})
    assert "\x1b" not in rendered
    assert "2 |   require x\\x1b > 1" in rendered


def test_an_excerpt_is_shown_when_the_source_is_missing() -> None:
    diagnostic = Diagnostic("P101", "m", Span("f.rules", 3, 2, 3, 3), excerpt="ab")
    assert render(diagnostic, {}) == "error[P101]: m\n --> f.rules:3:2\n  |\n3 | ab\n  |  ^"


# ------------------------------------------------------------------ robustness and speed
def damaged(text: str, rng: random.Random) -> str:
    position = rng.randrange(len(text))
    match rng.randrange(4):
        case 0:
            return text[:position] + text[position + 1 :]
        case 1:
            return text[:position] + rng.choice('{}()",:=<>.#\n\t，（“㎢') + text[position:]
        case 2:
            cut = rng.randrange(position, min(len(text), position + 40))
            return text[:position] + text[cut:]
        case _:
            return text[:position] + text[position:][::-1][:5] + text[position + 5 :]


@pytest.mark.parametrize("seed", range(5))
def test_random_damage_to_a_valid_suite_never_crashes(seed: int) -> None:
    rng = random.Random(seed)
    originals = [p.read_text(encoding="utf-8")
                 for p in sorted((ROOT / "rules" / "daxing-14th").glob("*.rules"))]
    originals.append((ROOT / "checker" / "syntax" / "prelude.rules").read_text(encoding="utf-8"))
    for _ in range(60):
        text = damaged(rng.choice(originals), rng)
        source = SourceFile("d.rules", text)
        parsed = parse(source)
        result = parsed if isinstance(parsed, list) else build(parsed)
        if isinstance(result, list):
            assert result
            rendered = render_all(result, {"d.rules": source})
            assert all(d.span.line >= 1 for d in result), rendered
            assert rendered.count("^") >= len(result)
        else:
            assert isinstance(parsed, Parsed)


def test_a_link_to_nothing_in_a_suite_folder_is_named_not_skipped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "a.rules").write_text("rule A {}\n")
    (tmp_path / "s" / "b.rules").symlink_to("../gone/b.rules")
    files, problems = rule_files(["s"])
    assert [f.name for f in files] == ["a.rules", "b.rules"] and not problems
    _, result = parse_file(files[1])
    assert isinstance(result, list)
    assert result[0].message == ("cannot read `s/b.rules`: it links to `../gone/b.rules`, "
                                 "which does not exist")
