"""An unclosed quote in a CSV swallowed every following row into one cell (issue 15,
defect 1): a batch whose rows 3 and 4 are on farmland and in the red line was read as
one row, and `check` passed it (exit 0).  The CSV reader now finds a quote that opens a
cell and never closes, and says where (D305) instead of reading the table; when the
swallowed rows made a row ragged, the quote is named, not the ragged row."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli.main import main
from checker.data.tables import unclosed_quote

HEADER = ("id,town,zone,industry,land_area,new_construction_land,"
          "occupies_permanent_basic_farmland,in_ecological_red_line,in_strategic_reserve,"
          "sponge_city_measures,investment,completion_year,name")
ROW = "{id},礼贤镇,临空经济区,航空物流,1 ha,1 ha,{farm},{farm},false,true,1 亿元,2025,{name}"


def _batch(first_name: str) -> str:
    rows = [ROW.format(id="P-1", farm="false", name=first_name),
            ROW.format(id="P-2", farm="true", name="b"),
            ROW.format(id="P-3", farm="true", name="c")]
    return "\n".join([HEADER, *rows, ""])


@pytest.mark.parametrize("name", ['"ok', '"a""b'])
def test_a_quote_that_never_closes_is_d305_where_it_opens(
        tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "b.csv").write_text(_batch(name), encoding="utf-8")
    column = ROW.format(id="P-1", farm="false", name=name).index('"') + 1
    assert main(["check", str(tmp_path / "b.csv")]) == 2
    err = capsys.readouterr().err
    assert "error[D305]: a quote opened on line 2 of" in err
    assert f"b.csv:2:{column}" in err and "never closed" in err


def test_a_quote_in_a_middle_cell_is_named_not_the_ragged_row(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _batch("a").replace("P-1,礼贤镇", 'P-1,"礼贤镇', 1)
    (tmp_path / "b.csv").write_text(text, encoding="utf-8")
    assert main(["check", str(tmp_path / "b.csv")]) == 2
    err = capsys.readouterr().err
    assert "b.csv:2:5" in err and "never closes" in err and "ragged" not in err


def test_quoted_cells_that_close_still_read(tmp_path: Path) -> None:
    text = _batch('"a, ""quoted""\nsecond line"').replace("true,true", "false,false")
    (tmp_path / "b.csv").write_text(text, encoding="utf-8")
    out = tmp_path / "r.json"
    assert main(["check", str(tmp_path / "b.csv"), "--format", "json", "-o", str(out)]) == 0
    assert '"rows": 3' in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "offset"), [
    ('a,"b\nc', 2), ('"a",b\n"c', 6), ('a,b"c\nd', None), ('"a""",b\n', None),
    ('a,"b""\n', 2), ('"x"y,"z', 5), ('', None)])
def test_the_scan_reads_quotes_as_csv_readers_do(text: str, offset: int | None) -> None:
    assert unclosed_quote(text) == offset
