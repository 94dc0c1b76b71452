"""Reading data files: encodings, broken files and `classify` — diagnostics, never tracebacks."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from test_load_records import BASE, HEADER, load, only, write

from checker.data.load import classify
from checker.data.tables import cell_extent
from checker.diagnostics import DiagnosticError


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_encodings_saved_by_excel(tmp_path: Path, encoding: str) -> None:
    text = f"{HEADER},zone,name\r\nP-1,否,否,临空经济区,大兴机场临空区\r\n"
    batch = load(write(tmp_path, "a.csv", text.encode(encoding)))
    assert batch.frame["zone"][0] == "临空经济区"
    assert batch.frame["name"][0] == "大兴机场临空区"
    assert batch.frame["id"][0] == "P-1"  # no byte-order mark glued to the first column


def test_undecodable_csv(tmp_path: Path) -> None:
    problem = only(write(tmp_path, "a.csv", b"id,name\nP-1,\x80\xff\xfe\n"))
    assert (problem.code, problem.span.line, problem.help) == (
        "D303", 0, "save the file as UTF-8 (or GB18030)")
    assert problem.message.startswith("cannot decode `") and problem.message.endswith("as text")


def test_ragged_rows_are_reported_with_their_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "a.csv", f"{HEADER}\nP-1,no,no\nP-2,no\nP-3,no,no,extra\nP-4,no,no\n")
    with pytest.raises(DiagnosticError) as raised:
        load(path)
    found = raised.value.diagnostics
    assert [(d.code, d.message, d.span.line) for d in found] == [
        ("D305", "row 3 has 2 cells, the header has 3", 3),
        ("D305", "row 4 has 4 cells, the header has 3", 4)]
    assert found[0].help == "every row needs one cell per column"


def test_multiline_cells_and_blank_lines_keep_row_numbers(tmp_path: Path) -> None:
    text = f'{HEADER},name\n\nP-1,no,no,"two\nlines"\n\n\nP-2,no,no,x\nP-3,no,no,"a,b"\n'
    batch = load(write(tmp_path, "a.csv", text))
    assert batch.frame["name"].tolist() == ["two\nlines", "x", "a,b"]
    assert [batch.origin(i).text.rsplit(":", 1)[1] for i in range(3)] == ["row 3", "row 7", "row 8"]


@pytest.mark.parametrize(("name", "content", "code", "message"), [
    ("a.csv", "", "D307", "is empty"),
    ("a.csv", "\n \n", "D307", "is empty"),
    ("a.csv", f"{HEADER}\n", "D307", "has no rows of data"),
    ("a.csv", f"{HEADER}\n,,\n", "D307", "has no rows of data"),
    ("a.yaml", "# nothing here\n", "D307", "holds no records"),
    ("a.yaml", "[]\n", "D307", "holds no records"),
    ("a.json", "[]", "D307", "holds no records"),
    ("a.txt", "id: P-1\n", "D302", "is not a data file"),
    ("a.parquet", b"PAR1 not really", "D306", "as parquet:"),
    ("a.xlsx", b"PK not a workbook", "D306", "as an excel workbook:"),
])
def test_empty_unsupported_and_corrupt_files(tmp_path: Path, name: str, content: str | bytes,
                                             code: str, message: str) -> None:
    problem = only(write(tmp_path, name, content))
    assert problem.code == code
    assert message in problem.message.lower()
    assert problem.help


@pytest.mark.parametrize(("text", "code", "line", "message"), [
    ("id: [P-1\n", "D304", 2, "cannot parse"),
    ("- id: P-1\n- just text\n", "D308", 2, "item [1] of"),
    ("just text\n", "D308", 1, "is not a record"),
    ("id: P-1\nid: P-2\n", "D311", 2, "field `id` is given twice"),
])
def test_broken_yaml(tmp_path: Path, text: str, code: str, line: int, message: str) -> None:
    found = [d for d in _problems(write(tmp_path, "a.yaml", text)) if d.code == code]
    assert found and found[0].span.line == line and message in found[0].message


def test_broken_json_points_at_the_error(tmp_path: Path) -> None:
    problem = only(write(tmp_path, "a.json", '{"id": "P-1",\n "name": }\n'))
    assert (problem.code, problem.span.line, problem.span.column) == ("D304", 2, 10)
    assert problem.message.endswith("expecting value")


def test_json_that_yaml_cannot_read_still_loads(tmp_path: Path) -> None:
    """YAML refuses a DEL character that JSON allows: the values load, without lines."""
    text = '{"id": "P-1\x7f", "occupies_permanent_basic_farmland": 0, "in_ecological_red_line": 0}'
    batch = load(write(tmp_path, "a.json", text))
    assert list(batch.ids) == ["P-1\x7f"]
    assert batch.origin(0).text.endswith("a.json")
    problem = only(write(tmp_path, "b.json", text.replace("0}", '0, "zone": "x"}')))
    assert (problem.code, problem.span.line) == ("D325", 0)


def test_a_missing_file(tmp_path: Path) -> None:
    problem = only(tmp_path / "nope.csv")
    assert problem.code == "D301" and "cannot read" in problem.message


def test_duplicate_and_unnamed_columns(tmp_path: Path) -> None:
    found = _problems(write(tmp_path, "a.csv", f"{HEADER},id,,\nP-1,no,no,P-1,x,\n"))
    assert [(d.code, d.message) for d in found] == [
        ("D311", "column `id` appears twice"), ("D314", "column 5 has values but no name")]
    assert load(write(tmp_path, "b.csv", f"{HEADER},,\nP-1,no,no,,\n")).frame["id"][0] == "P-1"


def test_semicolon_separated_csv_gets_advice(tmp_path: Path) -> None:
    found = _problems(write(tmp_path, "a.csv", HEADER.replace(",", ";") + "\nP-1;no;no\n"))
    assert [d.code for d in found] == ["D310", "D313", "D313", "D313"]
    assert found[0].help == ("the cells seem to be separated by `;`; "
                             "save the file as comma-separated CSV")


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("a.yaml", BASE, "records"),
    ("a.json", "{}", "records"),
    ("a.csv", f"{HEADER}\nP-1,no,no\n", "records"),
    ("a.csv", "indicator,region,year,value,unit\ngdp_growth,大兴区,2021,6,%\n", "plan_data"),
    ("a.csv", "\ufeffindicator,value\n", "plan_data"),
])
def test_classify(tmp_path: Path, name: str, content: str, expected: str) -> None:
    assert classify(write(tmp_path, name, content)) == expected


def test_classify_binary_tables(tmp_path: Path) -> None:
    data = pd.DataFrame({"indicator": ["gdp_growth"], "region": ["大兴区"], "year": [2021],
                         "value": [6.0], "unit": ["%"]})
    data.to_parquet(tmp_path / "d.parquet")
    data.to_excel(tmp_path / "d.xlsx", index=False)
    data[["region"]].to_parquet(tmp_path / "r.parquet")
    assert classify(tmp_path / "d.parquet") == "plan_data"
    assert classify(tmp_path / "d.xlsx") == "plan_data"
    assert classify(tmp_path / "r.parquet") == "records"


@pytest.mark.parametrize(("name", "content", "code"), [
    ("a.txt", "x", "D302"), ("a.csv", "", "D307"), ("a.csv", b"\xff\xfe\x80", "D303"),
    ("a.parquet", b"junk", "D306"), ("a.xlsx", b"junk", "D306"), ("a.yaml", "", "D307"),
])
def test_classify_reports_bad_files(tmp_path: Path, name: str, content: str | bytes,
                                    code: str) -> None:
    with pytest.raises(DiagnosticError) as raised:
        classify(write(tmp_path, name, content))
    assert [d.code for d in raised.value.diagnostics] == [code]


def test_classify_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DiagnosticError) as raised:
        classify(tmp_path / "gone.yaml")
    assert [d.code for d in raised.value.diagnostics] == ["D301"]


@pytest.mark.parametrize(("line", "column", "expected"), [
    ("a,b,c", 0, (0, 1)), ("a,b,c", 2, (4, 1)), ('x,"a,b",c', 1, (2, 5)),
    ('x,"a,b",c', 2, (8, 1)), ("a,,c", 1, (2, 1)), ("a,b", 5, (3, 1)),
])
def test_cell_extent(line: str, column: int, expected: tuple[int, int]) -> None:
    assert cell_extent(line, column) == expected


def _problems(path: Path) -> list:  # type: ignore[type-arg]
    with pytest.raises(DiagnosticError) as raised:
        load(path)
    return raised.value.diagnostics
