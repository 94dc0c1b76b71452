"""A CSV with old-Mac CR line ends crashed (`_csv.Error: new-line character seen in
unquoted field`), and a CR in a quoted header cell raised `IndexError`.  CSV text
now has its line ends unified before any reader counts lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli.main import main
from checker.data.tables import unify_newlines

HEADER = ("id,name,town,zone,industry,land_area,new_construction_land,"
          "occupies_permanent_basic_farmland,in_ecological_red_line,in_strategic_reserve,"
          "sponge_city_measures,new_operating_vehicles,new_energy_vehicle_share,"
          "vehicle_emission_standard,investment,completion_year")
ROW = "P-{0},仓库,礼贤镇,临空经济区,航空物流,2 ha,1 ha,{1},false,false,true,4,75%,国六b,1 亿元,2025"


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
def test_every_line_end_reads_every_row(tmp_path: Path, end: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    rows = [HEADER, ROW.format(1, "false"), ROW.format(2, "true"), ROW.format(3, "false")]
    (tmp_path / "b.csv").write_bytes(end.join(rows).encode("utf-8") + end.encode())
    assert main(["check", str(tmp_path / "b.csv"), "--format", "json"]) == 1
    out = capsys.readouterr().out
    assert '"P-2"' in out and '"rows": 3' in out.replace(" ", "").replace('"rows":3', '"rows": 3')


def test_a_cr_inside_a_quoted_header_cell_is_a_diagnostic(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "b.csv").write_text('"i\rd"' + HEADER[2:] + "\n" + ROW.format(1, "false") + "\n",
                                    encoding="utf-8")
    assert main(["check", str(tmp_path / "b.csv")]) == 2
    assert "[D310]" in capsys.readouterr().err


def test_unify_newlines() -> None:
    assert unify_newlines("a\rb\r\nc\n") == "a\nb\nc\n"
