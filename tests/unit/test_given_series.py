"""A series in one line in tests (issue 13 item 3):
`given data pm25_annual_mean 大兴区 2020..2024 = [37, 35, 34, 32, 31] μg/m³` is the five
`given data` lines it stands for, printed back by fmt as written."""

from __future__ import annotations

import pytest

from checker.syntax import model as m
from checker.syntax.unparse import unparse
from checker.tester.runner import run_test
from tests.helpers import checked_from, rule_file

RULE = """
rule AIR "PM2.5 never rises" {
  cite "第一章" line 1: "x"
  kind binding because "约束性"
  read 持续 = 0 μg/m³ because "no year worse than the one before"
  require pm25_annual_mean <= prev(pm25_annual_mean) + 持续 each year in 2021..2024
}
"""
SERIES = "  given data pm25_annual_mean 大兴区 2020..2024 = [37, 35, 34, 32, 31] μg/m³\n"
LINES = "".join(f"  given data pm25_annual_mean 大兴区 {y} = {v} μg/m³\n"
                for y, v in zip(range(2020, 2025), (37, 35, 34, 32, 31), strict=True))


def block(givens: str, expect: str = "pass") -> str:
    return f'test "t" {{\n  as of 2024\n{givens}  expect AIR {expect} for "大兴区"\n}}\n'


def only_test(text: str) -> m.Test:
    test = rule_file(text).statements[0]
    assert isinstance(test, m.Test)
    return test


@pytest.mark.parametrize("givens", [SERIES, LINES])
def test_a_series_is_the_lines_it_stands_for(givens: str) -> None:
    checked = checked_from(RULE)
    done = run_test(checked, only_test(block(givens)))
    assert done.status == "passed", done.failures + [d.message for d in done.diagnostics]
    assert run_test(checked, only_test(block(givens, "fail"))).status == "failed"


def test_fmt_prints_a_series_as_written() -> None:
    text = block(SERIES.replace("[37,", "[ -37 ,").replace("μg/m³", "μg/m³  target"))
    printed = unparse(rule_file(text))
    assert "= [-37, 35, 34, 32, 31] μg/m³ target\n" in printed
    assert unparse(rule_file(printed)) == printed


@pytest.mark.parametrize(("values", "message"), [
    ("[37, 35, 34, 32]", "4 values for the 5 years 2020..2024"),
    ("[37, 35, 34, 32, 31, 30]", "6 values for the 5 years 2020..2024"),
])
def test_as_many_values_as_years_or_t254(values: str, message: str) -> None:
    done = run_test(checked_from(RULE), only_test(block(SERIES.replace(
        "[37, 35, 34, 32, 31]", values))))
    assert [(d.code, d.message) for d in done.diagnostics] == [("T254", message)]
