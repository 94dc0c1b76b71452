"""Two loading edges of real tables (realdata7's leftovers).

A town table's `小计` row in the region column adds up some towns above it (one part of
the district), so it is neither a town nor the district (that is `合计`): it is set aside,
counted among the rows and named in the table's note, never read as 大兴区 and never
dropped unsaid.  And a figure in digits of another script (`٩٥`, `९५`) is a D320 with its
row and column, where `float`/`Decimal` would have read it as 95 in silence; full-width
`９５` folds to `95` and is read, as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli.main import main
from checker.pipeline import check_with
from checker.syntax.suite import load_suite
from checker.types.typecheck import typecheck

ROOT = Path(__file__).resolve().parents[2]
TOWNS = ROOT / "tests/data/real-variants/towns/subtotal.csv"


def test_a_subtotal_row_is_named_counted_and_never_the_district() -> None:
    checked = typecheck(load_suite().suite)
    result = check_with(checked, [TOWNS], as_of=2022, max_findings=None)
    (note,) = [n for n in result.notes if "subtotal.csv" in n and "rows read" in n]
    assert note.startswith("`tests/data/real-variants/towns/subtotal.csv`: 5 rows read: 4 in "
                           "the catalogue, 0 not, 1 no figure (1 subtotal row in the region "
                           "column (`小计` 1): sums of some regions, not the district's "
                           "figure, not read)")
    assert "2 rows of `合计` in the region column: the district's total" in note
    # the district's series is the 合计 rows only: 318 in 2022, never the subtotal's 50
    land = next(o for o in result.outcomes if o.rule == "LAND-01" and o.subject == "大兴区")
    assert (land.outcome, land.trajectory) == ("pending", "on_track"), land.message
    assert "318 km² in 2022" in land.message
    assert not any("`小计`" in n and "not checked by any rule" in n for n in result.notes)
    assert {s.region for s in result.series if s.indicator ==
            "urban_rural_construction_land"} >= {"大兴区"}
    assert "小计" not in {s.region for s in result.series}


def _bus(tmp_path: Path, value: str) -> Path:
    path = tmp_path / "bus.csv"
    path.write_text("indicator,region,year,value,unit\n"
                    f'bus_stop_500m_coverage,大兴区,2023,"{value}",%\n', encoding="utf-8")
    return path


@pytest.mark.parametrize(("value", "script", "plain"), [
    ("٩٥", "Arabic-Indic", "95"), ("९५", "Devanagari", "95"),
    ("۹۵", "Extended Arabic-Indic", "95"), ("٩٥以上", "Arabic-Indic", "95以上"),
    ("٩٥%", "Arabic-Indic", "95%"),
])
def test_digits_of_another_script_are_a_d320_with_row_and_column(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str, script: str,
        plain: str) -> None:
    path = _bus(tmp_path, value)
    if value.endswith("%"):  # the unit in the cell, the unit column empty
        path.write_text(path.read_text(encoding="utf-8").replace('",%', '",'),
                        encoding="utf-8")
    code = main(["check", str(path), "--as-of", "2023", "-q"])
    err = capsys.readouterr().err
    assert code == 2
    assert f"error[D320]: `{value}` in `value` is written in {script} digits" in err
    assert f"{path}:2:33" in err  # the row and the column of the cell
    assert f"help: write the digits 0–9: `{plain}`" in err


def test_full_width_digits_are_still_read(tmp_path: Path) -> None:
    checked = typecheck(load_suite().suite)
    result = check_with(checked, [_bus(tmp_path, "９５")], as_of=2023, max_findings=None)
    traf = next(o for o in result.outcomes if o.rule == "TRAF-03")
    assert traf.outcome == "pending" and traf.trajectory == "achieved"
