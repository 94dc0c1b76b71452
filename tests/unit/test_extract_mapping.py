"""Names -> indicator ids: exact names and aliases, scope words, growth, dimensions."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from checker.tools.extract.items import Item
from checker.tools.extract.mapping import NameIndex, normalize
from tests.extract_helpers import bundled

UNITS = bundled().units
PERCENT, KM2 = UNITS.resolve("%"), UNITS.resolve("km2")
ITEM = Item("t.txt", 1, 1, "", "target", "", "", ">=", Fraction(90), "%", "2025", "", "", "",
            "90%", known=PERCENT)


def index(*names: tuple[str, tuple[str, ...]]) -> NameIndex:
    units = {"cover": PERCENT, "land": KM2, "growth": PERCENT, "title": None}
    return NameIndex.build(list(names), units, scopes=["大兴区"])


def test_a_display_name_or_an_alias_maps_the_name() -> None:
    found = index(("cover", ("公交站点500米覆盖率", "公交500米覆盖率")))
    assert found.lookup(replace(ITEM, name="公交站点500米覆盖率")) == "cover"
    assert found.lookup(replace(ITEM, name="公交500米覆盖率")) == "cover"
    assert found.lookup(replace(ITEM, name="公交站点覆盖率")) == ""


def test_quotes_spaces_parentheses_and_scope_words_do_not_matter() -> None:
    found = index(("cover", ("“一刻钟社区服务圈”覆盖率",)), ("land", ("细颗粒物年均浓度",)))
    assert found.lookup(replace(ITEM, name="全区一刻钟社区服务圈覆盖率")) == "cover"
    assert found.lookup(replace(ITEM, name="大兴区“一刻钟社区服务圈” 覆盖率")) == "cover"
    assert normalize("细颗粒物(PM2.5)年均浓度")[1] == "细颗粒物年均浓度"


def test_a_growth_figure_maps_to_the_growth_of_the_name() -> None:
    found = index(("growth", ("地区生产总值增速",)))
    assert found.lookup(replace(ITEM, name="地区生产总值", op="increase")) == "growth"
    assert found.lookup(replace(ITEM, name="地区生产总值", op="==")) == ""


def test_a_unit_of_another_dimension_never_maps() -> None:
    found = index(("land", ("城乡建设用地规模",)))
    assert found.lookup(replace(ITEM, name="城乡建设用地规模")) == ""  # a % is no area
    assert found.lookup(replace(ITEM, name="城乡建设用地规模", known=KM2, unit="km²")) == "land"


def test_milestones_map_to_boolean_indicators_only() -> None:
    found = index(("title", ("创建国家卫生区",)), ("cover", ("创建国家卫生区",)))
    assert found.lookup(replace(ITEM, name="创建国家卫生区", value=True, known=None)) == "title"


def test_other_items_never_map() -> None:
    found = index(("cover", ("覆盖率",)))
    assert found.lookup(replace(ITEM, name="覆盖率", kind="other")) == ""


def test_the_bundled_suite_maps_its_plan() -> None:
    from tests.extract_helpers import PLAN, items_of

    mapped = {i.indicator for i in items_of(PLAN.read_text(encoding="utf-8")) if i.indicator}
    assert {"urban_rural_construction_land", "bus_stop_500m_coverage",
            "new_waste_transfer_stations", "preschool_enrolment_rate"} <= mapped
