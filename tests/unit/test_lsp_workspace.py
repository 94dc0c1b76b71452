"""The language server's suite state and position index (checker.tools.lsp.workspace, index).

A copy of the bundled suite in a temporary folder, with unsaved texts laid over
its files, analysed as the server analyses it; occurrences checked against the
text they underline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.tools.lsp import workspace
from checker.tools.lsp.index import Symbol
from checker.tools.lsp.workspace import Analysis, SuiteFolder, normal, suite_root
from tests.lsp_client import bundled_copy


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bundled_copy(tmp_path_factory.mktemp("suite"))


@pytest.fixture(scope="module")
def clean(copy: Path) -> Analysis:
    return SuiteFolder(copy).analyze({})


def path(folder: Path, name: str) -> str:
    return normal(folder / name)


def test_the_bundled_suite_has_only_its_three_unused_field_warnings(clean: Analysis) -> None:
    found = [(Path(p).name, d.code) for p, ds in clean.diagnostics.items() for d in ds]
    assert found == [("schema.rules", "L606")] * 3
    assert clean.checked is not None and not clean.unplaced and not clean.broken
    assert clean.plan is not None and clean.plan.path.endswith("plan.txt")


def test_unsaved_text_wins_over_disk(copy: Path) -> None:
    land = path(copy, "land.rules")
    text = (copy / "land.rules").read_text(encoding="utf-8").replace(
        "require urban_rural_construction_land <=", "require urban_rural_constructon_land <=", 1)
    found = SuiteFolder(copy).analyze({land: text}).diagnostics[land]
    assert [(d.code, d.message, d.help) for d in found] == [
        ("T204", "unknown name `urban_rural_constructon_land`",
         "did you mean `urban_rural_construction_land`?")]
    assert (found[0].span.line, found[0].span.column) == (8, 11)


def test_the_givens_of_tests_are_checked_as_you_type(copy: Path) -> None:
    projects = path(copy, "projects.rules")
    text = (copy / "projects.rules").read_text(encoding="utf-8").replace(
        '"F-ok", occupies_permanent_basic_farmland', '"F-ok", occupies_permanent_basic_farmlnd', 1)
    (found,) = SuiteFolder(copy).analyze({projects: text}).diagnostics[projects]
    assert (found.code, found.message, found.help) == (
        "T242", "unknown field `occupies_permanent_basic_farmlnd` in record `project`",
        "did you mean `occupies_permanent_basic_farmland`?")


def test_a_file_that_stops_parsing_keeps_its_names_for_the_others(copy: Path) -> None:
    suite = SuiteFolder(copy)
    schema = path(copy, "schema.rules")
    suite.analyze({})
    broken = (copy / "schema.rules").read_text(encoding="utf-8").replace(
        "record project", "record project {{", 1)
    analysis = suite.analyze({schema: broken})
    assert analysis.broken == {schema}
    assert [d.code for d in analysis.diagnostics[schema]] == ["P103"]
    # the rules reading `project` fields still resolve: no cascade of T204 elsewhere
    others = [d for p, ds in analysis.diagnostics.items() if p != schema for d in ds]
    assert others == []


def test_a_broken_file_with_no_good_version_keeps_its_good_statements(copy: Path) -> None:
    schema = path(copy, "schema.rules")
    broken = (copy / "schema.rules").read_text(encoding="utf-8").replace(
        "record project", "record project {{", 1)
    analysis = SuiteFolder(copy).analyze({schema: broken})
    assert [d.code for d in analysis.diagnostics[schema]] == ["P103"]
    # the sets and the scale before the broken record are still declared, where they stand
    (scale,) = analysis.index.declarations(Symbol("scale", "排放标准"))
    assert (scale.span.file, scale.span.line, scale.span.column) == (schema, 6, 7)
    assert analysis.index.declarations(Symbol("record", "project")) == []
    # the record is gone, and the rules that read it say so
    others = {d.code for p, ds in analysis.diagnostics.items() if p != schema for d in ds}
    assert "T227" in others and analysis.checked is None


def test_a_new_file_being_typed_does_not_stop_the_type_check(copy: Path) -> None:
    land, new = path(copy, "land.rules"), path(copy, "new.rules")
    text = (copy / "land.rules").read_text(encoding="utf-8").replace(
        "<= 319 km2", "<= 319 kmm2", 1)
    analysis = SuiteFolder(copy).analyze({land: text, new: 'test "t" {\n  expect \n}\n'})
    assert [d.code for d in analysis.diagnostics[new]] == ["P103"]
    assert "T208" in [d.code for d in analysis.diagnostics[land]]


def test_a_new_unsaved_file_is_part_of_the_suite(copy: Path) -> None:
    new = path(copy, "extra.rules")
    analysis = SuiteFolder(copy).analyze({new: 'rule NEW-01 "x" {\n  require gdp_grwth > 0%\n}\n'})
    assert "T204" in [d.code for d in analysis.diagnostics[new]]


def test_undecodable_text_is_a_diagnostic(copy: Path) -> None:
    new = path(copy, "bad.rules")
    analysis = SuiteFolder(copy).analyze({new: "rule \x00"})
    assert [d.code for d in analysis.diagnostics[new]] == ["P101"]


def test_the_suite_is_the_folder_with_the_plan_header(
    tmp_path: Path, copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert suite_root(str(copy / "land.rules"), [copy]) == copy
    nested = copy / "more"
    nested.mkdir(exist_ok=True)
    assert suite_root(str(nested / "x.rules"), [copy.parent]) == copy
    assert suite_root(str(nested / "x.rules"), []) == copy
    lonely = tmp_path / "a" / "b"
    lonely.mkdir(parents=True)
    assert suite_root(str(lonely / "x.rules"), [tmp_path]) == tmp_path
    # Without a workspace the walk goes up to the root; a stray plan file in /tmp
    # (other programs write there) must not decide this test.
    declares = workspace._declares_plan
    monkeypatch.setattr(workspace, "_declares_plan",
                        lambda folder: folder.is_relative_to(tmp_path) and declares(folder))
    assert suite_root(str(lonely / "x.rules"), []) == lonely


# ------------------------------------------------------------------ the index


def test_every_occurrence_underlines_its_name(clean: Analysis) -> None:
    checked = 0
    for occurrence in clean.index.occurrences:
        if occurrence.symbol.kind == "unit":
            continue  # written in any spelling (km², 平方公里)
        source = clean.sources[occurrence.span.file]
        line = source.line_text(occurrence.span.line)
        written = line[occurrence.span.column - 1 : occurrence.span.end_column - 1]
        assert written.strip("`") == occurrence.symbol.name, occurrence
        checked += 1
    assert checked > 1500


@pytest.mark.parametrize(("file", "line", "column", "symbol"), [
    ("land.rules", 8, 20, Symbol("indicator", "urban_rural_construction_land")),
    ("land.rules", 8, 50, Symbol("unit", "km2")),  # `319 km2`
    ("projects.rules", 10, 20, Symbol("field", "occupies_permanent_basic_farmland", "project")),
    ("projects.rules", 16, 12, Symbol("rule", "FARM-01")),  # in `expect`
    ("projects.rules", 9, 14, Symbol("record", "project")),  # `for each project`
    ("schema.rules", 11, 14, Symbol("set", "镇街")),  # `town: enum 镇街`
    ("schema.rules", 6, 8, Symbol("scale", "排放标准")),
])
def test_a_position_finds_the_name_under_it(clean: Analysis, copy: Path, file: str, line: int,
                                            column: int, symbol: Symbol) -> None:
    found = clean.index.at(path(copy, file), line, column)
    assert found is not None and found.symbol == symbol


def test_definitions_and_references_cross_files(clean: Analysis, copy: Path) -> None:
    indicator = Symbol("indicator", "urban_rural_construction_land")
    (declared,) = clean.index.declarations(indicator)
    assert (Path(declared.span.file).name, declared.span.line) == ("indicators.rules", 5)
    uses = clean.index.references(indicator, declarations=False)
    assert {Path(o.span.file).name for o in uses} == {"land.rules", "projects.rules"}
    assert {o.within for o in uses} >= {"LAND-01", "LAND-02", "LAND-08"}
    (unit,) = clean.index.declarations(Symbol("unit", "km2"))
    assert unit.span.file == "<prelude>"


def test_enum_values_in_rules_are_items_of_their_set(clean: Analysis) -> None:
    items = [o for o in clean.index.references(Symbol("item", "临空经济区", "功能区"))]
    assert sum(o.declaration for o in items) == 1
    assert any(o.within is not None and not o.declaration for o in items)
