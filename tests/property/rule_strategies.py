"""Hypothesis strategies for rule *models*: every statement, clause and expression node.

Models hold only what `build` can produce, so that `build(parse(unparse(x))) ==
x` is the property to test: quantities are non-negative decimals (a minus is a
`Negate`), literals are the grammar's `literal`, a set literal stands only
after `in`, names in NAME-only positions (record and unit names, functions)
are plain identifiers, years lie in 1900..2200, an `and`/`or` chain is grouped
as `build` groups it (`chain`), no divisor is a constant zero, a rule reads a word
once and a file has one base unit per dimension.  Comments are generated the
way `build` stores them.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import strategies as st

from checker.diagnostics import Diagnostic
from checker.syntax import model as m
from checker.syntax.build import second_base_units
from checker.syntax.build_expressions import chain, constant_value
from checker.syntax.parse import decode
from checker.syntax.unparse import RESERVED

ROOT = Path(__file__).resolve().parents[2]


def repository_rule_files() -> list[Path]:
    """Every `.rules` file of the repository: suites, the prelude, test inputs."""
    found = [*sorted((ROOT / "rules").rglob("*.rules")),
             ROOT / "checker" / "syntax" / "prelude.rules",
             *sorted((ROOT / "tests").rglob("*.rules"))]
    return [p for p in found if p.is_file()]


def repository_texts() -> dict[Path, str]:
    """The repository's `.rules` files that are text (some test inputs are not)."""
    out: dict[Path, str] = {}
    for path in repository_rule_files():
        decoded = decode(str(path), path.read_bytes())
        if not isinstance(decoded, Diagnostic):
            out[path] = decoded.text
    return out

T = TypeVar("T")

# ------------------------------------------------------------------ leaves

_ASCII_NAME = st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True)
_PLAN_WORDS = st.sampled_from([
    "临空经济区", "大兴区", "黄村镇", "礼贤镇", "国六b", "国三", "航空物流", "一般制造业",
    "生物医药基地", "战略留白", "主要采用", "基本使用", "城乡建设用地", "森林覆盖率",
    "new_energy_vehicle_share", "urban_rural_construction_land", "pm25_annual_mean",
])
# what a rule file may hold in names, strings and comments: P102 refuses control characters
# and invisible format marks (bidi overrides), which would show text other than it is
_VISIBLE = st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp"),
                         blacklist_characters="\n")
_CJK_NAME = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
                    min_size=1, max_size=5)
_UNICODE_NAME = st.from_regex(r"[^\W\d]\w{0,6}", fullmatch=True)

# A plain name: the NAME terminal and not a keyword, so it prints bare.
plain_names = st.one_of(_ASCII_NAME, _PLAN_WORDS, _CJK_NAME, _UNICODE_NAME).filter(
    lambda s: s not in RESERVED)

# Any name where the grammar allows `quoted` names: keywords, `PM2.5`, spaces.
_NEEDS_QUOTES = st.sampled_from([
    "PM2.5", "5G信号覆盖率", "in", "true", "region", "rule", "as", "not_applicable", "a b",
    "国六b/国六a", "g5 coverage", "#not a comment", '"quoted"', "x-y", "2025年",
])
names = st.one_of(
    plain_names, _NEEDS_QUOTES,
    st.text(_VISIBLE, min_size=1, max_size=8).filter(lambda s: "`" not in s),
)

rule_ids = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,6}(-[A-Za-z0-9_]{1,4}){0,2}", fullmatch=True)

_SYMBOL_UNITS = st.sampled_from(["%", "‰", "㎡", "㎢"])
_WORD_UNITS = st.sampled_from([
    "km2", "平方公里", "万平方米", "m2", "m²", "μg/m3", "μg/m³", "亿元", "万元", "元",
    "Mbit/s", "min", "minutes", "days", "天", "亩", "万亩", "ha", "公顷", "count", "个", "座",
    "t", "吨", "pct", "ug_m3", "yi_yuan", "wan_m2",
])
_ODD_UNITS = st.from_regex(r"[^\W\d][\w²³]{0,4}(/[^\W\d][\w²³]{0,3})?", fullmatch=True)
unit_names = st.one_of(_SYMBOL_UNITS, _WORD_UNITS,
                       _ODD_UNITS.filter(lambda s: s not in RESERVED))
# A bare UNIT token that is not a keyword: a field's type, an indicator's unit.
type_names = st.one_of(st.sampled_from(["text", "bool", "year", "one", "%", "km2", "亿元"]),
                       unit_names)

_STRING_SAMPLES = st.sampled_from([
    "", 'He said "hi"', "C:\\plans\\daxing", '\\"', "\\", '"', "“中文引号”「」",
    "城乡建设用地规模控制在319平方公里以内", "第九章 三 (一)", "tab\there", "# not a comment",
    "`back` quotes", "a\\nb (not a newline)",
])
strings = st.one_of(_STRING_SAMPLES,
                    st.text(_VISIBLE, max_size=16))

years = st.integers(1900, 2200)


@st.composite
def year_ranges(draw: st.DrawFn) -> m.YearRange:
    start = draw(years)
    return m.YearRange(start, draw(st.integers(start, 2200)))


# Non-negative decimals: whole numbers, a few places, and ones past 28 digits.
decimals = st.one_of(
    st.integers(0, 10**6).map(Fraction),
    st.builds(Fraction, st.integers(0, 10**9), st.sampled_from([10, 100, 1000, 10**6])),
    st.builds(Fraction, st.integers(0, 10**40), st.sampled_from([1, 100, 2**7, 5**9])),
)
quantities = st.builds(m.Quantity, decimals, st.none() | unit_names)

# Comment texts as `build` stores them: what follows `#`, right-stripped
# (leading) or stripped (trailing), never a line break.
_comment_text = st.one_of(
    st.sampled_from(["", " 约束性指标", " TODO: 2025 target", "#", " `PM2.5` \"q\" \\"]),
    st.text(_VISIBLE, max_size=12),
)
leading = st.lists(_comment_text.map(str.rstrip), max_size=2).map(tuple)
trailing = st.none() | _comment_text.map(str.strip)


def commented(cls: type[T], /, **fields: Any) -> st.SearchStrategy[T]:
    """`cls` built from `fields`, with leading and trailing comments."""
    return st.builds(cls, comments=leading, trailing=trailing, **fields)


def tuples(strategy: st.SearchStrategy[T], min_size: int = 0,
           max_size: int = 4) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, min_size=min_size, max_size=max_size).map(tuple)


# ------------------------------------------------------------------ expressions

set_lits = st.builds(m.SetLit, tuples(names))
_FUNCS = st.one_of(st.sampled_from(["sum", "count", "abs", "min", "max", "total", "growth",
                                    "cagr", "prev"]), plain_names)
literals: st.SearchStrategy[m.Literal_] = st.one_of(
    quantities, st.builds(m.TextLit, strings), st.builds(m.BoolLit, st.booleans()),
    st.builds(m.NameRef, names), st.builds(m.Negate, quantities),
)
_leaves = st.one_of(literals, st.builds(m.Call, _FUNCS, st.just(())))


def _extend(child: st.SearchStrategy[m.Expr]) -> st.SearchStrategy[m.Expr]:
    return st.one_of(
        st.builds(m.BinaryOp, st.sampled_from(["+", "-", "*", "/"]), child, child).filter(
            lambda e: e.op != "/" or constant_value(e.right) != 0),  # P125
        st.builds(m.Negate, child),
        st.builds(m.CompareOp, st.sampled_from(["<", "<=", ">", ">=", "==", "!="]), child,
                  child),
        st.builds(m.MemberOp, child, set_lits | st.builds(m.NameRef, names), st.booleans()),
        st.builds(m.PresenceOp, child, st.booleans()),
        st.builds(m.TrendOp, child, st.sampled_from(["rises", "falls"])),
        st.builds(m.NotOp, child),
        st.builds(m.LogicOp, st.sampled_from(["and", "or"]), child, child).map(chain),
        st.builds(m.Call, _FUNCS, tuples(child | year_ranges(), max_size=3)),
    )


exprs: st.SearchStrategy[m.Expr] = st.recursive(_leaves, _extend, max_leaves=10)

# ------------------------------------------------------------------ rules

time_quals = st.one_of(st.builds(m.ByYear, years), st.builds(m.AtYear, years),
                       st.builds(m.EachYear, year_ranges()))
clauses: st.SearchStrategy[m.Clause] = st.one_of(
    commented(m.Cite, section=strings, quote=strings, line=st.none() | st.integers(1, 10**6),
              source=st.none() | plain_names),
    commented(m.KindClause, kind=st.sampled_from(["binding", "anticipatory"]),
              reason=st.none() | strings),
    commented(m.ForEach, record=plain_names),
    commented(m.ForAll, record=plain_names),
    commented(m.ForRegion, regions=tuples(names, 1)),
    commented(m.Where, expr=exprs),
    commented(m.Read, name=names, value=quantities, reason=strings),
    commented(m.Require, expr=exprs, time=st.none() | time_quals,
              regions=st.none() | tuples(names, 1), label=st.none() | strings),
    commented(m.Unless, expr=exprs, label=strings, reason=strings),
)
end_comments = leading
rules = st.builds(m.Rule, rule_ids, st.none() | strings, tuples(clauses, max_size=7),
                  comments=leading, trailing=trailing, end_comments=end_comments).filter(
    lambda r: len({c.name for c in r.clauses_of(m.Read)}) == len(r.clauses_of(m.Read)))  # P123

# ------------------------------------------------------------------ declarations

plan_items = st.one_of(
    commented(m.PlanItem, key=st.sampled_from(["title", "source"]), value=strings),
    commented(m.PlanItem, key=st.just("period"), value=year_ranges()),
    commented(m.PlanItem, key=st.just("region"), value=names),
)
plans = st.builds(m.Plan, rule_ids, tuples(plan_items), comments=leading, trailing=trailing,
                  end_comments=end_comments)
_factors = st.one_of(
    st.builds(Fraction, st.integers(1, 10**9), st.integers(1, 10**4)),  # 2000/3, 1/100
    decimals.filter(lambda f: f > 0),
)
aliases = tuples(strings, max_size=3)
base_units = commented(m.BaseUnit, name=plain_names, dimension=plain_names, aliases=aliases)
derived_units = commented(m.DerivedUnit, name=plain_names, factor=_factors, of=unit_names,
                          aliases=aliases)
set_decls = commented(m.SetDecl, name=names, items=tuples(names, max_size=5))
scale_decls = commented(m.ScaleDecl, name=names, levels=tuples(names, 2, 5))
source_decls = commented(m.SourceDecl, name=plain_names, title=st.none() | strings, file=strings)
indicator_items = st.one_of(
    commented(m.IndicatorItem, key=st.just("unit"), value=type_names),
    commented(m.IndicatorItem, key=st.just("kind"),
              value=st.sampled_from(["binding", "anticipatory"])),
    commented(m.IndicatorItem, key=st.just("direction"),
              value=st.sampled_from(["up", "down", "none"])),
    commented(m.IndicatorItem, key=st.just("role"), value=st.just("baseline")),
)
indicators = st.builds(m.Indicator, plain_names, st.none() | strings, tuples(indicator_items),
                       comments=leading, trailing=trailing, end_comments=end_comments)
field_types = st.one_of(
    st.builds(m.SimpleType, type_names),
    st.builds(m.EnumType, set_name=names),
    st.builds(m.EnumType, items=tuples(names)),
    st.builds(m.OrdinalType, names),
)
fields = commented(m.Field, name=names, type=field_types, required=st.booleans(),
                   default=st.none() | literals, label=st.none() | strings)
records = st.builds(m.Record, plain_names, st.none() | strings, tuples(fields, max_size=5),
                    comments=leading, trailing=trailing, end_comments=end_comments)

# ------------------------------------------------------------------ tests

test_items = st.one_of(
    commented(m.AsOf, year=years),
    commented(m.GivenRecord, record=plain_names,
              values=tuples(st.builds(m.FieldValue, names, literals))),
    commented(m.GivenData, indicator=plain_names, region=names, year=years, value=literals,
              kind=st.sampled_from([None, "actual", "target"])),
    commented(m.Expect, rule_id=rule_ids,
              outcome=st.sampled_from(["pass", "fail", "unknown", "not_applicable", "pending",
                                       "error"]),
              trajectory=st.sampled_from([None, "achieved", "on_track", "lagging"]),
              subject=st.none() | strings),
)
tests = st.builds(m.Test, strings, tuples(test_items, max_size=5), comments=leading,
                  trailing=trailing, end_comments=end_comments)

statements: st.SearchStrategy[m.Statement] = st.one_of(
    rules, plans, base_units, derived_units, set_decls, scale_decls, source_decls, indicators,
    records, tests)
# A file holds at least one statement (an empty one is diagnostic P116).
rule_files = st.builds(m.RuleFile, st.just("gen.rules"), tuples(statements, 1, 5),
                       end_comments).filter(
    lambda f: not list(second_base_units(f.statements, {})))  # P124
