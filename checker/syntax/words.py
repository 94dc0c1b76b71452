"""Words for syntax diagnostics: the tables `errors` phrases its messages with.

In: nothing.  Out: constants — the statement keywords and the keyword
vocabulary, full-width and look-alike characters with the ASCII the language
uses instead, advice for ASCII characters it has no use for, terminal names in
words and the groups they are named by, where each clause keyword belongs,
and the form of each statement and clause for `help:` lines.  Plain data:
imports nothing, lark least of all (terminals are named here by their grammar
names, as strings).  Used by `errors` and `parse`; other modules read
`KEYWORDS` and `LOOKALIKES` via `checker.syntax.parse`.
"""

from __future__ import annotations

STATEMENT_KEYWORDS = ("plan", "unit", "set", "scale", "indicator", "record", "rule", "test",
                      "source")
STATEMENTS = {f"_{k.upper()}": k for k in STATEMENT_KEYWORDS}

# Every keyword, in the order "expected ..." messages list them.
KEYWORDS = (
    "rule", "plan", "unit", "set", "scale", "indicator", "record", "test", "cite", "kind",
    "for", "where", "read", "basis", "require", "unless", "title", "period", "region", "source",
    "language", "of", "alias", "direction", "role", "growth of", "enum", "ordinal", "required",
    "default", "label", "range", "about", "within", "relative", "band", "line", "file",
    "because", "each", "all", "by", "at", "year", "in", "in region", "as of", "given", "data",
    "expect", "or", "and", "not", "is", "present", "missing",
)

# Full-width and look-alike characters, and the ASCII the language uses instead
# ('' when the language has no such symbol: the advice is then to remove it).
LOOKALIKES = {
    "，": ",", "：": ":", "；": "", "（": "(", "）": ")", "｛": "{", "｝": "}", "“": '"',
    "”": '"', "‘": '"', "’": '"', "＂": '"', "＝": "=", "＜": "<", "＞": ">", "．": ".",
    "－": "-", "＋": "+", "％": "%", "　": " ", "！": "", "、": ",", "【": "", "】": "",
    "。": "", "《": '"', "》": '"', "≥": ">=", "≤": "<=", "≠": "!=", "×": "*", "÷": "/",
    "–": "-", "—": "-", "−": "-", "…": "..", "／": "/", "＊": "*",
}

# ASCII characters the language has no use for, and what to write instead.
CHARACTER_HINTS = {
    "'": 'strings are written between double quotes: `"…"`', "&": "write `and`",
    "|": "write `or`", "!": "write `not`, or `!=` to compare",
    ";": "remove it; a clause ends at the end of its line",
    "[": "sets are written in braces: `{a, b}`", "]": "sets are written in braces: `{a, b}`",
}

# Terminals in words, for "expected ..." messages; keywords are read off the grammar.
TERMINAL_WORDS = {
    "RULE_ID": "an id", "NAME": "a name", "QUOTED_NAME": "a `quoted` name",
    "STRING": "a string", "NUMBER": "a number", "UNIT": "a unit",
    "OUTCOME": "an outcome (`pass`, `fail`, `unknown`, `not_applicable`, `pending`, `error`)",
    "COMPARE_OP": "a comparison (`<`, `<=`, `>`, `>=`, `==`, `!=`)",
}
GROUPS = (
    (frozenset(f"_{k.upper()}" for k in STATEMENT_KEYWORDS),
     "a statement (`plan`, `unit`, `set`, `scale`, `indicator`, `record`, `rule`, `test`, "
     "`source`)"),
    (frozenset({"_CITE", "_KIND", "_FOR", "_WHERE", "_READ", "_BASIS", "_REQUIRE", "_UNLESS"}),
     "a clause (`cite`, `kind`, `for`, `where`, `read`, `basis`, `require`, `unless`)"),
    (frozenset({"NAME", "QUOTED_NAME", "NUMBER", "STRING", "BOOL"}),
     "a value (a name, a number, a string, `true` or `false`)"),
    (frozenset({"COMPARE_OP", "LT"}), "a comparison (`<`, `<=`, `>`, `>=`, `==`, `!=`)"),
    (frozenset({"PLUS", "MINUS", "STAR", "SLASH"}), "an operator (`+`, `-`, `*`, `/`)"),
)
COMPARISONS = frozenset({"COMPARE_OP", "LT"})
BEFORE_YEAR = frozenset({"_BY", "_AT", "_AS_OF", "_PERIOD", "__ANON_0", "_IN"})
# Keywords that open a clause or an item of a block.
CLAUSES = frozenset({"_CITE", "_KIND", "_FOR", "_WHERE", "_READ", "_BASIS", "_REQUIRE", "_UNLESS",
                     "_UNIT", "_DIRECTION", "_ROLE", "_GROWTH_OF", "_ABOUT", "_BAND", "_TITLE",
                     "_PERIOD", "_REGION", "_SOURCE", "_AS_OF", "_GIVEN", "_EXPECT"})
# What may follow a complete clause or statement.
ENDINGS = frozenset({"RBRACE", "$END", *CLAUSES, *STATEMENTS})

# What each statement and clause looks like, for `help:` lines.
FORMS: dict[str, dict[str, str]] = {
    "_RULE": {
        "": 'rule LAND-01 "title" { cite …  kind …  require … }',
        "_CITE": 'cite "第九章 三" line 315: "the plan\'s sentence"',
        "_KIND": 'kind binding because "reason"', "_WHERE": "where zone in {临空经济区}",
        "_FOR": "for each project` or `for region 大兴区",
        "_READ": 'read 基本 = 90% because "reason"', "_BASIS": 'basis "扣除疫苗"',
        "_REQUIRE": "require land <= 319 km2 each year in 2021..2025",
        "_UNLESS": 'unless approval is present label "exception" because "reason"',
    },
    "_PLAN": {"": 'plan daxing-14th { title "…"  period 2021..2025  region 大兴区 }',
              "_PERIOD": "period 2021..2025", "_TITLE": 'title "…"', "_SOURCE": 'source "plan.txt"',
              "_REGION": "region 大兴区",
              "_ABOUT": 'about within 5% relative because "reason"',
              "_BAND": 'band 10% because "reason"'},
    "_UNIT": {"": 'unit m2 of area` or `unit km2 = 1000000 m2 alias "平方公里"'},
    "_SET": {"": "set 产业 = {氢能, 信创}"},
    "_SCALE": {"": "scale 排放标准 = 国五 < 国六a < 国六b"},
    "_SOURCE": {"": 'source beijing "北京城市总体规划" file "beijing.txt"'},
    "_INDICATOR": {"": 'indicator pm25 "PM2.5" { unit μg/m3  kind binding  direction down }',
                   "_UNIT": "unit km2", "_KIND": "kind binding", "_DIRECTION": "direction down",
                   "_ROLE": "role baseline", "_GROWTH_OF": "growth of general_budget_revenue",
                   "_ABOUT": 'about within 0.5 μg/m3 because "reason"'},
    "_RECORD": {"": 'record project "项目" { land_area: km2 required }'},
    "_TEST": {"": 'test "a name" { as of 2025  given …  expect … }', "_AS_OF": "as of 2025",
              "_GIVEN": "given project { id: \"P1\" }` or `given data gdp 大兴区 2025 = 5%",
              "_EXPECT": 'expect LAND-01 pass for "P1"'},
}

# Keywords that only make sense inside a statement of some kind.
INSIDE = {**dict.fromkeys(("_CITE", "_REQUIRE", "_WHERE", "_READ", "_BASIS", "_UNLESS", "_FOR"),
                         "rule"),
          **dict.fromkeys(("_GIVEN", "_EXPECT", "_AS_OF"), "test"),
          **dict.fromkeys(("_TITLE", "_PERIOD"), "plan"),
          "_DIRECTION": "indicator", "_ROLE": "indicator", "_GROWTH_OF": "indicator"}
