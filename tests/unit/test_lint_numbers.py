"""Lint L613: the numbers of a rule's `require` against the figures of its quote, one row
per way a plan writes a number (units converted exactly, counts, shares, 万, ranges)."""

from __future__ import annotations

import shutil
from fractions import Fraction
from pathlib import Path

import pytest

from checker.diagnostics import Diagnostic, DiagnosticSink
from checker.syntax import model as m
from checker.syntax.suite import BUNDLED, PRELUDE, load_suite, parse_file
from checker.tools.lint import lint
from checker.tools.lint_numbers import unmatched_numbers
from checker.types.typecheck import typecheck
from checker.types.units import UnitTable, build_unit_table


@pytest.fixture(scope="module")
def units() -> UnitTable:
    _, prelude = parse_file(PRELUDE, "<prelude>")
    assert isinstance(prelude, m.RuleFile)
    return build_unit_table(m.Suite((prelude,)), DiagnosticSink())


def rule(quote: str, value: str, unit: str | None, *, negated: bool = False,
         read: bool = False) -> m.Rule:
    number: m.Expr = m.Quantity(Fraction(value), unit)
    if negated:
        number = m.Negate(number)
    clauses: list[m.Clause] = [m.Cite("第一章", quote),
                               m.Require(m.CompareOp("<=", m.NameRef("x"), number))]
    if read:
        clauses.append(m.Read("约", m.Quantity(Fraction(1)), "a reason"))
    return m.Rule("R-1", None, tuple(clauses))


@pytest.mark.parametrize(("quote", "value", "unit", "stated"), [
    ("城乡建设用地规模控制在319平方公里以内", "319", "km2", True),
    ("城乡建设用地规模控制在319平方公里以内", "31900", "ha", True),  # converted exactly
    ("城乡建设用地规模控制在319平方公里以内", "300", "km2", False),
    ("城乡建设用地规模控制在319平方公里以内", "319", "km", False),  # another dimension
    ("城乡建设用地规模控制在319平方公里以内", "19", "km2", False),  # not a tail of 319
    ("公交站点500米覆盖率达到90%", "90", "%", True),
    ("公交站点500米覆盖率达到90%", "0.9", "fraction", True),
    ("新建13个垃圾转运站", "13", None, True),
    ("新建十三个垃圾转运站", "13", None, True),
    ("新建64万平方米人员掩蔽工程", "64", "万m2", True),
    ("新建64万平方米人员掩蔽工程", "640000", "m2", True),
    ("新建64万平方米人员掩蔽工程", "64", "m2", False),  # 10⁴ off
    ("城镇调查失业率控制在5%以内", "5", "%", True),
    ("地区生产总值年均增长6%-6.5%", "6.5", "%", True),
    ("能耗强度下降5%", "-5", "%", True),  # a decrease is written as a positive figure
    ("比重提高2个百分点", "2", "%", True),
    ("严格保护永久基本农田", "0", None, False),  # no number at all
    ("新城地区2025年实现5G信号全覆盖", "100", "%", True),  # an idiom states 100 %
    ("新城地区2025年实现5G信号全覆盖", "2025", None, False),  # a date is no figure
    ("实现生活垃圾零填埋", "0", "t", True),
    ("打造千亿级生物医药基地", "1000", "亿元", True),
    ("企业商用达万兆", "10000", "Mbit/s", True),
    ("推进多心合一", "1", None, False),  # Chinese numerals in a word are no figure
    ("小学每班不超过45人", "45", None, True),  # a count the plan writes in 人
    ("小学每班不超过45万人", "45", None, False),  # 10⁴ off
    ("小学每班不超过45公里", "45", "km2", False),  # another dimension, a unit written
    ("平均受教育年限达到10.9年", "10.9", None, True),  # years of schooling, not a date
    ("到2025年达到", "2025", None, False),  # still a date
    ("无劣Ⅴ类水体断面", "0", "个", True),  # friction11: none of them is 0
    ("达95%以上，无劣Ⅴ类水体断面", "0", None, True),  # 无 opening a clause
    ("基本消除劣Ⅴ类水体", "0", None, True),
    ("禁止新建与供水设施无关的项目", "0", None, False),  # 无关 is no figure
])
def test_a_require_number_is_stated_by_its_quote(units: UnitTable, quote: str, value: str,
                                                 unit: str | None, stated: bool) -> None:
    negated = value.startswith("-")
    made = rule(quote, value.lstrip("-"), unit, negated=negated)
    found = list(unmatched_numbers([made], units))
    assert (found == []) is stated
    if not stated:
        (diagnostic,) = found
        assert (diagnostic.code, diagnostic.severity) == ("L613", "warning")


def test_a_rule_with_a_read_says_itself_where_its_number_comes_from(units: UnitTable) -> None:
    made = rule("城乡建设用地规模控制在319平方公里以内", "300", "km2", read=True)
    assert list(unmatched_numbers([made], units)) == []


def test_the_help_names_the_quotes_figures_in_the_rules_unit(units: UnitTable) -> None:
    made = rule("城乡建设用地规模控制在319平方公里以内", "31000", "ha")
    (diagnostic,) = unmatched_numbers([made], units)
    assert diagnostic.message == "rule `R-1` requires `31000 ha`, which its quote does not state"
    assert diagnostic.help.startswith("the quote says `319平方公里` (= `31900 ha`); ")


def test_a_quote_without_figures_is_said_to_state_none(units: UnitTable) -> None:
    (diagnostic,) = unmatched_numbers([rule("严格保护永久基本农田", "5", "km2")], units)
    assert diagnostic.help.startswith("the quote states no number; quote the sentence")


def test_the_bundled_suite_states_its_numbers_and_a_drifted_cap_is_caught(
        tmp_path: Path) -> None:
    copy = tmp_path / "suite"
    shutil.copytree(BUNDLED, copy)
    assert [d for d in lint_copy(copy) if d.code == "L613"] == []
    land = copy / "land.rules"
    text = land.read_text(encoding="utf-8")
    cap = "require urban_rural_construction_land <= 319 km2 each year"
    assert cap in text
    land.write_text(text.replace(cap, cap.replace("319 km2", "300 km2")), encoding="utf-8")
    (found,) = [d for d in lint_copy(copy) if d.code == "L613"]
    assert found.message == "rule `LAND-01` requires `300 km2`, which its quote does not state"
    assert found.help.startswith("the quote says `319平方公里` (= `319 km2`)")


def lint_copy(folder: Path) -> list[Diagnostic]:
    loaded = load_suite([folder])
    return lint(loaded.suite, typecheck(loaded.suite))


def test_the_help_prints_the_conversion_only_when_it_differs(units: UnitTable) -> None:
    """friction9 #14: `the quote says 27.7% (= 27.7%)`."""
    (diagnostic,) = unmatched_numbers([rule("比重下降到27.7%", "27", "%")], units)
    assert diagnostic.help.startswith("the quote says `27.7%`; ")
