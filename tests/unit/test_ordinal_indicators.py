"""Indicators on an ordinal scale (issue 10 item 5): a water class `达到Ⅳ类` is a level of
Ⅰ < Ⅱ < Ⅲ < Ⅳ < Ⅴ < 劣Ⅴ, not a number: data write `Ⅳ类` (or `IV类`), rules compare levels."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.data.load import load_plan_data
from checker.engine.evaluate import evaluate
from tests.helpers import checked_from, raised_diagnostics, the_only

RULES = """
scale 水质类别 = Ⅰ < Ⅱ < Ⅲ < Ⅳ < Ⅴ < 劣Ⅴ

indicator outbound_water_class "出境断面水质类别" {
  ordinal 水质类别
  kind binding
  direction down
}

rule WATER "出境断面水质达到Ⅳ类" {
  cite "第八章" line 1: "x"
  kind binding because "约束性"
  require outbound_water_class <= Ⅳ each year in 2021..2025
}
"""
HEADER = "indicator,region,year,value,unit"


def run(tmp_path: Path, rows: list[str]) -> object:
    checked = checked_from(RULES)
    path = tmp_path / "d.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    data = load_plan_data([path], checked.indicators, checked.units)
    result = evaluate(checked, {}, data, as_of=2023)
    return next(o for o in result.outcomes if o.rule == "WATER")


def test_a_level_worse_than_the_target_fails_and_is_shown_as_published(
        tmp_path: Path) -> None:
    found = run(tmp_path, ["outbound_water_class,大兴区,2021,Ⅳ类,",
                           "outbound_water_class,大兴区,2022,IV类,",
                           "outbound_water_class,大兴区,2023,劣Ⅴ类,"])
    assert found.outcome == "fail"  # type: ignore[attr-defined]
    assert found.message == "2023: 劣Ⅴ > Ⅳ"  # type: ignore[attr-defined]


def test_levels_at_or_better_than_the_target_pass(tmp_path: Path) -> None:
    found = run(tmp_path, ["outbound_water_class,大兴区,2021,Ⅲ类,",
                           "outbound_water_class,大兴区,2022,Ⅳ,",
                           "outbound_water_class,大兴区,2023,Ⅱ类,"])
    # every year so far holds; 2024 and 2025 are not over: on track, not done
    assert (found.outcome, found.trajectory) == ("pending", "on_track")  # type: ignore[attr-defined]


def test_a_word_that_is_no_level_is_d325(tmp_path: Path) -> None:
    checked = checked_from(RULES)
    path = tmp_path / "d.csv"
    path.write_text(f"{HEADER}\noutbound_water_class,大兴区,2022,良好,\n", encoding="utf-8")
    found = the_only(raised_diagnostics(load_plan_data, [path], checked.indicators,
                                        checked.units))
    assert found.code == "D325"
    assert found.message == "`良好` is not a level of `水质类别`"


@pytest.mark.parametrize(("item", "code"), [
    ("  ordinal 水质等级\n", "T218"), ("  ordinal 水质类别\n  unit %\n", "T216")])
def test_an_ordinal_indicator_names_one_declared_scale(item: str, code: str) -> None:
    text = ("scale 水质类别 = Ⅰ < Ⅱ\n\nindicator w \"w\" {\n" + item + "}\n\n"
            'rule W "w" {\n  cite "a" line 1: "x"\n  require w <= Ⅱ by 2025\n}\n')
    found = raised_diagnostics(checked_from, text)
    assert code in [d.code for d in found]


def test_an_ordinal_indicator_prints_back() -> None:
    from checker.syntax.unparse import unparse
    from tests.helpers import rule_file

    text = RULES.strip().split("\n\nrule")[0] + "\n"
    assert unparse(rule_file(text)) == text
