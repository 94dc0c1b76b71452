"""The adversarial corpus, continued: the features added since it was built.

`lint --fix` (symlinks, read-only files, CRLF, a BOM, a quote on the next line, a cite
line past the end of the plan), `fmt` in place, `--rules` and `--diff` (CRLF, BOM, NUL,
a file that does not parse, deep nesting, a 10 MB file), plan data with the indicators
across, hostile copies of the evaluation tables of `tests/data/real-variants/evaluation/`,
qualified values, periods, `--as-of` forms, configuration files and `plancheck new`.
Each exit is the documented one; a case that does not yet keep it names why in `xfail`
(run strict, so the fix shows).  Run by `test_adversarial_corpus` like `corpus.CASES`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.regressions.adversarial.corpus import (
    C1,
    OSC_TITLE,
    RLO,
    ROOT,
    WORKFLOW,
    Case,
    Content,
)

BUNDLED = ROOT / "rules/daxing-14th"
PLAN_RULES = (BUNDLED / "plan.rules").read_bytes()
PLAN_TXT = (BUNDLED / "plan.txt").read_bytes()
CATALOGUE = b"""indicator urban_rural_construction_land "\xe5\x9f\x8e\xe4\xb9\xa1\xe5\xbb\xba\
\xe8\xae\xbe\xe7\x94\xa8\xe5\x9c\xb0\xe8\xa7\x84\xe6\xa8\xa1" {
  unit km2
  range >= 0 km2
  kind binding
  direction down
}
"""
QUOTE = "确保城乡建设用地规模控制在319平方公里以内"
LAND_RULE = f"""rule LAND-01 "城乡建设用地规模控制在319平方公里以内" {{
  cite "第五章 一 (三)" line 315: "{QUOTE}"
  kind binding because "a 约束性 indicator"
  require urban_rural_construction_land <= 319 km2 each year in 2021..2025
}}

test "LAND-01 passes within the cap" {{
  as of 2025
  given data urban_rural_construction_land 大兴区 2021..2025 = [318, 318, 318, 318, 318] km2
  expect LAND-01 pass for "大兴区"
}}

test "LAND-01 fails over the cap" {{
  as of 2022
  given data urban_rural_construction_land 大兴区 2021..2022 = [318, 320] km2
  expect LAND-01 fail for "大兴区"
}}
"""
RIGHT = LAND_RULE.encode()
WRONG = LAND_RULE.replace("line 315", "line 300").encode()
DATA_HEADER = "indicator,region,year,value,unit\n"
EVALUATION = ROOT / "tests/data/real-variants/evaluation"


def suite(land: Content, **more: Content) -> dict[str, Content]:
    """A small suite in `s/`: the bundled plan header and text, one indicator, `land`."""
    return {"s/plan.rules": PLAN_RULES, "s/plan.txt": PLAN_TXT,
            "s/indicators.rules": CATALOGUE, "s/land.rules": land, **more}


def symlink(target: str) -> Callable[[Path], None]:
    """A link to `target`, relative to the link's folder."""
    def link(path: Path) -> None:
        path.symlink_to(target)
    return link


def _read_only_folder(path: Path) -> None:
    path.mkdir()
    path.chmod(0o555)


def _made(path: Path) -> None:
    """A suite as `plancheck new` makes it."""
    from checker.cli.main import main

    assert main(["new", str(path), "-q"]) == 0


def read_only(content: bytes) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_bytes(content)
        path.chmod(0o444)
    return write


def crlf(text: bytes) -> bytes:
    return text.replace(b"\n", b"\r\n")


BOM = b"\xef\xbb\xbf"


def _lint_fix() -> list[Case]:
    fix = ("lint", "-q", "--fix", "s")
    quote_below = WRONG.replace(b'line 300: "', b'line 300:\n    "')
    line_below = WRONG.replace('(三)" line'.encode(), '(三)"\n    line'.encode())
    nowhere = WRONG.replace(QUOTE.encode(), "这句话不在规划里".encode())
    broken = b"rule BROKEN {\n  require ((\n}\n"
    return [
        Case("lintfix-wrong-line", fix, 0, suite(WRONG), after={"s/land.rules": RIGHT}),
        Case("lintfix-right-line-unchanged", fix, 0, suite(RIGHT),
             after={"s/land.rules": RIGHT}),
        Case("lintfix-crlf-kept", fix, 0, suite(crlf(WRONG)),
             after={"s/land.rules": crlf(RIGHT)}),
        Case("lintfix-bom-kept", fix, 0, suite(BOM + WRONG),
             after={"s/land.rules": BOM + RIGHT}),
        Case("lintfix-line-past-the-end", fix, 0,
             suite(WRONG.replace(b"line 300", b"line 99999")),
             after={"s/land.rules": RIGHT}),
        Case("lintfix-line-of-4400-digits", fix, 2,
             suite(WRONG.replace(b"line 300", b"line " + b"9" * 4400))),
        Case("lintfix-quote-on-the-next-line", fix, 0, suite(quote_below),
             after={"s/land.rules": quote_below.replace(b"line 300", b"line 315")}),
        Case("lintfix-line-on-the-next-line", fix, 0, suite(line_below),
             after={"s/land.rules": line_below.replace(b"line 300", b"line 315")}),
        Case("lintfix-quote-not-in-the-plan", fix, 1, suite(nowhere),
             after={"s/land.rules": nowhere}),
        # a suite file that is a link: the edit goes to the file linked to, the link stays
        Case("lintfix-symlink-out-of-the-suite", fix, 0,
             {"o/land.rules": WRONG, **suite(symlink("../o/land.rules"))},
             after={"o/land.rules": RIGHT}),
        Case("lintfix-dangling-symlink", fix, 2, suite(symlink("../gone/land.rules"))),
        Case("lintfix-read-only-file", fix, 2, suite(read_only(WRONG)),
             after={"s/land.rules": WRONG}, not_as_root=True),
        # bad input anywhere in the suite: exit 2 and nothing rewritten
        Case("lintfix-suite-does-not-parse", fix, 2,
             suite(WRONG, **{"s/broken.rules": broken}), after={"s/land.rules": WRONG}),
        Case("lintfix-stdin-is-not-rewritten", ("lint", "-q", "--fix", "-", "--stdin-name",
                                                "x\x1b[2J" + WORKFLOW + ".rules"), 2,
             stdin=b"rule X {\n  require ((\n}\n", subprocess=True),
    ]


def _fmt() -> list[Case]:
    messy = b"rule A   {\n  for each project\n  require land<=5 km2\n}\n"
    header = (b'plan t {\n  title "t"\n  period 2021..2025\n  region \xe5\xa4\xa7\xe5\x85\xb4'
              b'\xe5\x8c\xba\n}\nrecord project {\n  id: text required\n  land: km2\n}\n')
    formatted = (header.replace(b"}\nrecord", b"}\n\nrecord") + b"\nrule A {\n  for each project\n"
                 b"  require land <= 5 km2\n}\n")
    bad = b"rule B {\n  require ((\n}\n"
    deep = ("rule D {\n  for each project\n  require " + "(" * 2000 + "land" + ")" * 2000
            + " <= 5 km2\n}\n").encode()
    nots = ("rule D {\n  for each project\n  require " + "not " * 5000
            + "land <= 5 km2\n}\n").encode()
    big = RIGHT * (10 * 2**20 // len(RIGHT) + 1)
    r = "s/land.rules"
    return [
        Case("fmt-formatted-unchanged", ("fmt", r), 0, suite(RIGHT), after={r: RIGHT}),
        Case("fmt-check-formatted", ("fmt", "--check", r), 0, suite(RIGHT)),
        Case("fmt-check-messy", ("fmt", "--check", "m.rules"), 1, {"m.rules": header + messy},
             after={"m.rules": header + messy}),
        Case("fmt-diff-messy", ("fmt", "--diff", "m.rules"), 1, {"m.rules": header + messy},
             after={"m.rules": header + messy}),
        Case("fmt-crlf-in-place", ("fmt", r), 0, suite(crlf(RIGHT))),
        Case("fmt-bom-kept", ("fmt", r), 0, suite(BOM + RIGHT), after={r: BOM + RIGHT}),
        Case("fmt-bom-kept-when-reformatted", ("fmt", "m.rules"), 0,
             {"m.rules": BOM + header + messy}, after={"m.rules": BOM + formatted}),
        Case("fmt-nul-byte", ("fmt", "n.rules"), 2, {"n.rules": b"rule X {\x00}\n"},
             after={"n.rules": b"rule X {\x00}\n"}),
        Case("fmt-invalid-utf8", ("fmt", "n.rules"), 2, {"n.rules": b"rule X {\xff}\n"},
             after={"n.rules": b"rule X {\xff}\n"}),
        Case("fmt-raw-escape-in-a-comment", ("fmt", "n.rules"), 2,
             {"n.rules": b"# \x1b]0;t\x07\n" + RIGHT}),
        Case("fmt-does-not-parse", ("fmt", "b.rules"), 2, {"b.rules": bad},
             after={"b.rules": bad}),
        Case("fmt-rules-one-file-does-not-parse", ("fmt", "--rules", "md"), 2,
             {"md/a.rules": header + messy, "md/b.rules": bad},
             after={"md/a.rules": header + messy, "md/b.rules": bad}),
        Case("fmt-diff-does-not-parse", ("fmt", "--diff", "b.rules"), 2, {"b.rules": bad}),
        Case("fmt-2000-parentheses", ("fmt", "d.rules"), 2, {"d.rules": deep},
             after={"d.rules": deep}),
        Case("fmt-5000-nots", ("fmt", "d.rules"), 2, {"d.rules": nots}, after={"d.rules": nots}),
        Case("fmt-10-mb", ("fmt", "big.rules"), 2, {"big.rules": big}),
        Case("fmt-check-10-mb", ("fmt", "--check", "big.rules"), 2, {"big.rules": big}),
        Case("fmt-empty-folder", ("fmt", "--rules", "none"), 2, {"none/.keep": b""}),
        Case("fmt-missing", ("fmt", "nowhere.rules"), 2),
        Case("fmt-stdin-name-injected", ("fmt", "-", "--stdin-name",
                                         "x\x1b[2J" + WORKFLOW + RLO + ".rules"), 2,
             stdin=bad, subprocess=True),
        Case("fmt-diff-stdin-name-injected", ("fmt", "--diff", "-", "--stdin-name",
                                              "x" + OSC_TITLE + WORKFLOW + ".rules"), 1,
             stdin=header + messy, subprocess=True),
        Case("fmt-stdin-crlf", ("fmt", "-", "--stdin-name", "x.rules"), 0,
             stdin=crlf(header + messy), subprocess=True),
    ]


def data(*rows: str) -> bytes:
    return (DATA_HEADER + "".join(r + "\n" for r in rows)).encode()


def land(value: str, year: str = "2023") -> bytes:
    return data(f'urban_rural_construction_land,大兴区,{year},"{value}",km²')


def bus(value: str) -> bytes:
    return data(f'bus_stop_500m_coverage,大兴区,2023,"{value}",%')


def _qualified() -> list[Case]:
    d = "d.csv"
    # bus coverage >= 90 % by 2025 (anticipatory): a bound above passes, an about-figure
    # without a tolerance in the suite is unknown (D345), which --fail-on error lets be
    cases = [
        Case("qualified-yishang", ("check", d), 0, {d: bus("95以上")}),
        Case("qualified-geq", ("check", d), 0, {d: bus("≥95")}),
        Case("qualified-yue", ("check", d), 0, {d: bus("约35")}),
        Case("qualified-zuoyou", ("check", d), 0, {d: bus("5.0左右")}),
        Case("qualified-full-width", ("check", d), 0, {d: bus("９５")}),
        Case("qualified-full-width-over-100", ("check", d), 2, {d: bus("１２３")}),
        Case("qualified-thousands", ("check", d), 0, {d: land("31,800 ha")}),
        Case("qualified-thousands-over-the-cap", ("check", d), 1, {d: land("1,234.5")}),
        Case("qualified-thousands-misplaced", ("check", d), 2, {d: land("3,18.1")}),
        Case("qualified-arabic-indic", ("check", d), 2, {d: bus("٩٥")}),
        Case("qualified-devanagari", ("check", d), 2, {d: bus("९५")}),
        Case("qualified-arabic-indic-yishang", ("check", d), 2, {d: bus("٩٥以上")}),
    ]
    for name, value in (("tupo-1e309", "突破1e309"), ("nan-yishang", "NaN以上"),
                        ("inf-yishang", "inf以上"), ("double-minus", "--5"),
                        ("two-points", "1.2.3"), ("1e309", "1e309"), ("hex", "0x10"),
                        ("underscore", "1_000"), ("twice", "95以上以上"),
                        ("tiny-yishang", "1e-400以上"), ("full-width-exponent", "突破１e５"),
                        ("escape", "9\x1b[2J5"), ("rlo", "9" + RLO), ("c1", "95" + C1)):
        cases.append(Case(f"qualified-{name}", ("check", d), 2, {d: bus(value)}))
    return cases


def _periods() -> list[Case]:
    d = "d.csv"
    half = land("318", "2022H1")
    cases = [Case(f"period-{y}", ("check", d), 2, {d: land("318", y)})
             for y in ("2022H3", "2022Q5", "2022Q0", "2022H0", "2022-00", "0000", "99999",
                       "-2023", "2023.0", "٢٠٢٣", "2021..2025", "2023" + OSC_TITLE)]
    cases += [
        Case("period-2022H1", ("check", d), 0, {d: half}),
        Case("period-full-width-year", ("check", d), 0, {d: land("318", "２０２３")}),
        Case("period-total-over-years", ("check", d), 0, {d: land("318", "2021—2025年累计")}),
    ]
    for form, code in (("2022-02-30", 2), ("2022-02-29", 2), ("2024-02-29", 0),
                       ("2022-13-01", 2), ("2022-1-1", 2), ("0000", 2), ("99999", 2),
                       ("2023-06-30T00:00", 2), ("２０２３", 2), ("2023H1", 2), ("", 2),
                       ("-1", 2), ("2023.5", 2), ("1e3", 2), ("9" * 5000, 2),
                       ("2023-06-30" + OSC_TITLE, 2), ("2023" + WORKFLOW, 2)):
        name = form if form.isascii() and form.isprintable() and len(form) < 20 else \
            f"hostile{len(form)}"
        cases.append(Case(f"period-as-of-{name or 'empty'}", ("check", d, "--as-of", form),
                          code, {d: half}))
    return cases


def across(*rows: str) -> bytes:
    return "".join(r + "\n" for r in rows).encode()


def _across() -> list[Case]:
    d, h, u = "d.csv", "年份,城乡建设用地规模", "单位,平方公里"
    return [
        Case("across-good", ("check", d), 0, {d: across(h, u, "2023,318")}),
        Case("across-unit-in-heading", ("check", d), 0,
             {d: across("年份,城乡建设用地规模(平方公里)", "2023,318")}),
        Case("across-over-the-cap", ("check", d), 1, {d: across(h, u, "2023,400")}),
        Case("across-two-columns-disagree", ("check", d), 2, {d: across(
            "年份,城乡建设用地规模,城乡建设用地规模", "单位,平方公里,平方公里", "2023,318,400")}),
        Case("across-two-rows-disagree", ("check", d), 2,
             {d: across(h, u, "2023,318", "2023,400")}),
        Case("across-same-figure-two-units", ("check", d), 0, {d: across(
            "年份,城乡建设用地规模,城乡建设用地规模", "单位,平方公里,公顷", "2023,318,31800")}),
        Case("across-wrong-dimension", ("check", d), 2, {d: across(h, "单位,公斤", "2023,318")}),
        Case("across-unit-injected", ("check", d), 2,
             {d: across(h, "单位,平方公里" + C1, "2023,318")}),
        Case("across-heading-injected", ("check", d), 0,
             {d: across("年份,x" + OSC_TITLE + RLO, u, "2023,318")}),
        Case("across-nan", ("check", d), 2, {d: across(h, u, "2023,NaN")}),
        Case("across-1e999", ("check", d), 2, {d: across(h, u, "2023,1e999")}),
        Case("across-negative", ("check", d), 2, {d: across(h, u, "2023,-5")}),
        Case("across-no-period", ("check", d), 2, {d: across(h, u, ",318")}),
        Case("across-bad-period", ("check", d), 2, {d: across(h, u, "2023H3,318")}),
        Case("across-words-period", ("check", d), 2, {d: across(h, u, "abc,318")}),
        Case("across-ragged", ("check", d), 2, {d: across(h, u, "2023,318,999")}),
        Case("across-unclosed-quote", ("check", d), 2,
             {d: across(h, u, '2023,"318', "2024,400")}),
        Case("across-only-the-year", ("check", d), 2, {d: across("年份", "2023")}),
        Case("across-qualified", ("check", d), 0, {d: across(h, u, "2023,318以下")}),
    ]


def _evaluation() -> list[Case]:
    midterm = (EVALUATION / "midterm.csv").read_text(encoding="utf-8")
    note = "“一般公共预算收入完成104.4亿元”"
    d = "d.csv"

    def variant(old: str, new: str, count: int = -1) -> dict[str, Content]:
        assert old in midterm, old
        return {d: midterm.replace(old, new, count).encode()}

    cases = [Case(f"evaluation-{path.stem}", ("check", d), code,
                  {d: path.read_bytes()})
             for path, code in ((EVALUATION / f"{name}.csv", code) for name, code in (
                 ("midterm", 0), ("half-year-notes", 0), ("plan-done", 0), ("merged", 1),
                 ("averages", 1), ("two-row-header", 1), ("units-in-names", 1)))]
    cases += [
        Case("evaluation-note-injected", ("check", d, "--format", "text", "-o", "r.txt"), 0,
             variant(note, '"' + OSC_TITLE + WORKFLOW + RLO + '"')),
        Case("evaluation-section-injected", ("check", d), 0,
             variant("一、经济发展", "::error::一、经济发展" + C1)),
        Case("evaluation-attribute-injected", ("check", d, "--format", "html", "-o", "r.html"),
             0, variant("预期性", "约束性\x1b[2J", 1)),
        Case("evaluation-tupo-1e309", ("check", d), 2, variant(",104.4,", ",突破1e309,")),
        Case("evaluation-ragged-row", ("check", d), 2, variant(",104.4,", ",104.4,5,")),
        Case("evaluation-bad-period-heading", ("check", d), 2,
             variant("2025年目标值", "2025H3年目标值")),
        Case("evaluation-unit-injected", ("check", d), 2, variant("亿元", "亿元\x1b[2J", 1)),
        Case("evaluation-misplaced-comma", ("check", d), 2, variant(",104.4,", ',"1,04.4",')),
        Case("evaluation-crlf", ("check", d), 0, {d: midterm.replace("\n", "\r\n").encode()}),
        Case("evaluation-bom", ("check", d), 0, {d: BOM + midterm.encode()}),
    ]
    return cases


def _config() -> list[Case]:
    d, t, py = "d.csv", "plancheck.toml", "pyproject.toml"

    def config(name: str, text: str, file: str = t, argv: tuple[str, ...] = ("check", d),
               code: int = 2, extra: dict[str, Content] | None = None, xfail: str = "") -> Case:
        return Case(f"config-{name}", argv, code,
                    {d: land("318"), file: text.encode("utf-8"), **(extra or {})}, xfail=xfail)

    lint = {"argv": ("lint", "s"), "extra": suite(RIGHT)}
    return [
        config("not-toml", "rules = "), config("unknown-key", 'rulez = "x"\n'),
        config("as-of-words", 'as-of = "abc"\n'), config("as-of-float", "as-of = 2023.5\n"),
        config("as-of-bool", "as-of = true\n"), config("as-of-1e400", "as-of = 1e400\n"),
        config("as-of-huge", "as-of = 99999999999999999999\n"),
        config("rules-missing", 'rules = "nowhere"\n'), config("rules-number", "rules = 5\n"),
        config("rules-a-data-file", 'rules = "d.csv"\n'),
        config("rules-injected", 'rules = "x\\u001b]0;t\\u0007"\n'),
        config("fail-on-list", 'fail-on = ["x"]\n'),
        config("pyproject-not-toml", "[tool.plancheck]\nrules = [\n", py),
        config("pyproject-unknown-key", "[tool.plancheck]\nfoo = 1\n", py),
        config("pyproject-not-a-table", "[tool]\nplancheck = 5\n", py),
        config("pyproject-table-twice", "[tool.plancheck]\n[tool.plancheck]\n", py),
        config("tool-table-in-plancheck-toml", "[tool.plancheck.lint]\nformat = 5\n"),
        config("key-with-rlo", '"\\u202erules" = 1\n'),
        config("include-is-no-key", 'include = "plancheck.toml"\n'),
        config("max-findings-is-no-key", "max-findings = -1\n"),
        config("lang-with-rlo", 'lang = "\\u202ezh"\n'),
        config("key-twice", "a = 1\na = 2\n"), config("invalid-utf8", "\xff\xfe"),
        config("format-unknown", 'format = "nope"\n'),
        config("format-injected", 'format = "x\\u001b[2J"\n'),
        config("lint-format-injected", '[lint]\nformat = "x\\u001b[2J"\n', **lint),
        config("lint-unknown-key", "[lint]\nfix = true\n", **lint),
        config("as-of-toml-date", "as-of = 2023-06-30\n", code=0),
        config("check-table", "[check]\nas-of = 2023\n", code=0),
        config("ignored-by-no-config", "[tool.plancheck]\nfoo = 1\n", py,
               argv=("check", d, "--no-config"), code=0),
        # a pyproject.toml without [tool.plancheck] is somebody else's: not ours to judge
        config("pyproject-of-another-tool", "[project]\nname = 1\n", py, code=0),
    ]


def _new() -> list[Case]:
    return [
        Case("new-in-an-empty-folder", ("new", "fresh"), 0, creates="fresh"),
        Case("new-on-an-existing-folder", ("new", "old"), 2, {"old/keep": b"mine"},
             after={"old/keep": b"mine"}),
        Case("new-on-a-file", ("new", "afile"), 2, {"afile": b"mine"}, after={"afile": b"mine"}),
        Case("new-under-a-file", ("new", "afile/sub"), 2, {"afile": b"mine"},
             after={"afile": b"mine"}),
        Case("new-spaces-and-chinese", ("new", "my plan 大兴", "--plan", "my-plan"), 0,
             creates="my plan 大兴"),
        Case("new-then-its-own-test", ("test", "made"), 0, {"made": _made}),
        Case("new-spaces-and-chinese-as-the-id", ("new", "my plan 大兴"), 2),
        Case("new-escape-in-the-name", ("new", "x" + OSC_TITLE), 2),
        Case("new-workflow-in-the-name", ("new", "a" + WORKFLOW), 2),
        Case("new-empty-name", ("new", ""), 2),
        Case("new-dev-null", ("new", "/dev/null"), 2),
        Case("new-plan-id-injected", ("new", "fresh", "--plan", "p" + RLO), 2),
        Case("new-read-only-parent", ("new", "ro/x"), 2,
             {"ro": _read_only_folder},
             not_as_root=True),
    ]


NEWER: list[Case] = [*_lint_fix(), *_fmt(), *_qualified(), *_periods(), *_across(),
                     *_evaluation(), *_config(), *_new()]
