"""Fuzzing the loaders through the CLI: hostile proposals, tables and plan data keep the promise.

Hypothesis writes files a hostile or careless person might hand over — proposals as
YAML, JSON, CSV, XLSX or Parquet, and plan-data tables as CSV, XLSX or Parquet — with
cells from `HOSTILE` (terminal escapes, bidi overrides, newlines that could start a
`::error` workflow command, formula starts, NaN spellings, YAML 1.1 words, 4,000-digit
numbers, quotes that never close) among valid values.  `plancheck check` runs on each
in-process, writing its report with `-o` (a report file is not behind the CLI's stream
guard, so it must be safe where it is written).  On every example:

- the exit code is 0, 1 or 2, never 3 (an internal error) and no traceback;
- exit 2 comes with at least one `error[…]` diagnostic;
- no control character (but newline, tab and CR) or bidi control is in any output, and
  no line of a non-`github` report starts with `::` (a workflow command);
- every data row is counted (`inputs[].rows` of the JSON report) or named: a plan-data
  row repeated with the same value is a D342 note, an indicator outside the catalogue is
  counted in a note, an empty row is spacing.

`make fuzz` runs these with many examples (`PLANCHECK_FUZZ_EXAMPLES`, default 2,000 each).
Strategies for valid values are `test_load_property`'s (`value_of`, `daxing`, `csv_cell`).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import event, given, settings
from hypothesis import strategies as st

from checker.cli.main import main
from tests.property.test_load_property import csv_cell, daxing, value_of

_EXAMPLES = int(os.environ.get("PLANCHECK_FUZZ_EXAMPLES", "0"))
fuzz_settings = settings(max_examples=_EXAMPLES) if _EXAMPLES else settings()

HOSTILE = st.sampled_from([
    "", " ", "\x1b]0;pwned\x07\x1b[2J", "\x1b[31mred", "\u202eevil", "\u2066x\u2069", "\x85",
    "\x9b2J", "a\nb", "\n::error file=x::owned", "::warning::x", "=HYPERLINK(\"http://x\")",
    "+1", "-500 ha", "@SUM(1)", "1e400", "9" * 4400, "-0", "nan", "NaN", ".nan", "inf",
    "150%", "-5%", "0.0", "1.0", "off", "on", "y", "1:30", "٢٠٢٣", "２０２３", "大兴", "大兴区",
    "黄村镇", "2022H1", "2022-13", "1899", "2201", "95%以上", "约95以上", "5.0左右", '"',
    '"unclosed,', "a,b", "\r", "x\ry", "\x00", "\ufeff", "\ud7ff", "NULL", "None", "null",
    "[1, 2]", "{a: 1}", "&a", "*a", "!!float .nan", "<script>", "`tick`", "|", "#", "*",
])
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=10)
CELL = st.one_of(HOSTILE, TEXT)
UNITS = {"gdp_growth": "%", "urban_rural_construction_land": "km2",
         "bus_stop_500m_coverage": "%", "not_in_the_catalogue": "t"}
FORMATS = ["text", "json", "markdown", "html", "junit", "github", "sarif", "csv"]
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f"
                     r"\u202a-\u202e\u2066-\u2069\u2028\u2029]")


# One cell in N is hostile (0: none), so that runs which load are as common as runs refused.
HOSTILITY = st.sampled_from([0, 0, 30, 8, 3])


def hostile(draw: st.DrawFn, rate: int) -> bool:
    return rate > 0 and draw(st.integers(1, rate)) == 1


def _plan_cell(draw: st.DrawFn, column: str, rate: int, indicator: str) -> Any:
    if hostile(draw, rate):
        return draw(CELL)
    match column:
        case "indicator":
            return indicator
        case "region":
            return draw(st.sampled_from(["大兴区", "黄村镇", "亦庄镇"]))
        case "year":
            return draw(st.one_of(st.integers(2018, 2026), st.sampled_from(["2022H1", "2023Q2"])))
        case "value":
            return draw(st.one_of(st.floats(0, 100, allow_nan=False), st.integers(0, 100),
                                  st.sampled_from(["95%以上", "≤8"])))
        case "unit":
            return UNITS[indicator]
    return draw(CELL)


@st.composite
def plan_tables(draw: st.DrawFn) -> tuple[list[str], list[list[Any]]]:
    """A plan-data table: the required columns (some dropped or doubled), optional ones, junk."""
    header = ["indicator", "region", "year", "value", "unit"]
    header += draw(st.lists(st.sampled_from(["kind", "note", "basis", "source", "period",
                                             "indicator", "valeu", ""]), max_size=2))
    if draw(st.integers(0, 9)) == 0:
        header.remove(draw(st.sampled_from(header)))
    rate = draw(HOSTILITY)
    count = draw(st.integers(1, 8))
    indicators = draw(st.lists(st.sampled_from(sorted(UNITS)), min_size=count, max_size=count))
    rows = [[_plan_cell(draw, name, rate, indicator) for name in header]
            for indicator in indicators]
    return header, rows


@st.composite
def proposal_tables(draw: st.DrawFn) -> tuple[list[str], list[list[Any]]]:
    """A proposal table: schema fields (the required ones usually present), junk columns."""
    schema, units = daxing()
    names = [n for n, s in schema.fields.items() if s.required or draw(st.booleans())]
    if draw(st.integers(0, 3)) == 0:
        names += draw(st.lists(st.sampled_from(["indusrty", "", "id", "\x1b[2Jcol"]),
                               max_size=2))
    count, rate = draw(st.integers(1, 6)), draw(HOSTILITY)
    rows = []
    for index in range(count):
        row: list[Any] = []
        for name in names:
            spec = schema.fields.get(name)
            if name == "id" and not hostile(draw, rate):
                row.append(f"P-{index}")
            elif spec is None or hostile(draw, rate):
                row.append(draw(CELL))
            else:
                row.append(draw(value_of(spec, units)))
        rows.append(row)
    return names, rows


def write_table(folder: Path, stem: str, kind: str, header: list[str],
                rows: list[list[Any]]) -> Path:
    """The table as CSV, XLSX (cells XML cannot hold are dropped from the string) or Parquet
    (each column typed as its values allow, else text)."""
    path = folder / f"{stem}.{kind}"
    if kind == "csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([header, *[[csv_cell(v) for v in r] for r in rows]])
    elif kind == "xlsx":
        import openpyxl
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        for line in [header, *rows]:
            sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v
                          for v in line])
        book.save(path)
    else:
        columns = {}
        for index, name in enumerate(header):
            values = [row[index] for row in rows]
            try:
                columns[f"{name}" if name not in columns else f"{name}.{index}"] = pa.array(
                    values)
            except (pa.ArrowException, OverflowError):
                columns[name if name not in columns else f"{name}.{index}"] = pa.array(
                    [None if v is None else csv_cell(v) for v in values])
        pq.write_table(pa.table(columns), path)
    return path


def write_document(folder: Path, kind: str, header: list[str], rows: list[list[Any]]) -> Path:
    records = [{name: value for name, value in zip(header, row, strict=True) if name}
               for row in rows]
    path = folder / f"proposals.{kind}"
    if kind == "json":
        path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    else:
        import yaml

        path.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
    return path


def run(paths: list[Path], fmt: str, folder: Path) -> tuple[int, str, str]:
    """`plancheck check` in-process: exit code, the report file, what reached stderr."""
    report = folder / f"report.{fmt}"
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["check", *map(str, paths), "--format", fmt, "-o", str(report), "--quiet"])
    written = report.read_text(encoding="utf-8", errors="replace") if report.exists() else ""
    return code, written, err.getvalue()


def assert_the_promise(code: int, report: str, err: str, fmt: str) -> None:
    event(f"exit {code}")  # `--hypothesis-show-statistics` shows how often each came
    assert code in (0, 1, 2), err
    assert "Traceback" not in err and "internal error" not in err, err
    if code == 2:
        assert "error[" in err, err
    for name, text in (("report", report), ("stderr", err)):
        bad = _UNSAFE.search(text)
        assert bad is None, f"{name} holds {bad.group()!r}" if bad else ""
        if fmt != "github" or name == "stderr":
            assert not any(line.startswith("::") for line in text.splitlines()), name


def blank_row(row: list[Any]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


def counted_plan_rows(result: dict[str, Any]) -> int:
    """Rows the run says it read: loaded, repeated (D342) or outside the catalogue."""
    loaded = sum(i["rows"] for i in result["inputs"] if i["kind"] == "plan_data")
    repeated = sum(1 for n in result["notes"] if n.startswith("warning[D342]"))
    outside = sum(int(m.group(1).replace(",", "")) for n in result["notes"]
                  if (m := re.match(r"not in the catalogue: ([0-9,]+) row", n)))
    return loaded + repeated + outside


@fuzz_settings
@given(plan_tables(), st.sampled_from(["csv", "xlsx", "parquet"]), st.sampled_from(FORMATS))
def test_hostile_plan_data_keeps_the_promise(table: tuple[list[str], list[list[Any]]],
                                            kind: str, fmt: str) -> None:
    header, rows = table
    with tempfile.TemporaryDirectory() as folder:
        path = write_table(Path(folder), "data", kind, header, rows)
        code, report, err = run([path], fmt, Path(folder))
        assert_the_promise(code, report, err, fmt)
        if code != 2:
            code, report, _ = run([path], "json", Path(folder))
            written = sum(1 for row in rows if not blank_row(row))
            assert counted_plan_rows(json.loads(report)) == written


@fuzz_settings
@given(proposal_tables(), st.sampled_from(["csv", "xlsx", "parquet", "yaml", "json"]),
       st.sampled_from(FORMATS))
def test_hostile_proposals_keep_the_promise(table: tuple[list[str], list[list[Any]]],
                                           kind: str, fmt: str) -> None:
    header, rows = table
    with tempfile.TemporaryDirectory() as folder:
        if kind in ("yaml", "json"):
            path = write_document(Path(folder), kind, header, rows)
        else:
            path = write_table(Path(folder), "proposals", kind, header, rows)
        code, report, err = run([path], fmt, Path(folder))
        assert_the_promise(code, report, err, fmt)
        if code != 2:
            _, report, _ = run([path], "json", Path(folder))
            loaded = sum(i["rows"] for i in json.loads(report)["inputs"]
                         if i["kind"] == "records")
            expected = len(rows) if kind in ("yaml", "json") else sum(
                1 for row in rows if not blank_row(row))
            assert loaded == expected


def test_the_unsafe_pattern_catches_what_the_promise_forbids() -> None:
    """The check above can fail: every forbidden character is caught, the allowed ones pass."""
    for char in ("\x1b", "\x07", "\x85", "\x9b", "\u202e", "\u2066", "\x00"):
        assert _UNSAFE.search(f"a{char}b"), unicodedata.name(char, repr(char))
    assert _UNSAFE.search("line\nnext\ttab\r\n") is None


# ------------------------------------------------------------------ structural mutations
# The strategies above mutate values; these mutate a file's shape: columns dropped,
# doubled or reordered, a file cut short, quoting broken, a byte-order mark, mixed line
# ends, data on the wrong sheet, records nested one level too deep.  Mutations that keep
# every row (`KEEPS_ROWS`) must still count every row; the others must keep the promise.

KEEPS_ROWS = frozenset({"reorder", "bom", "mixed-endings", "crlf"})
CSV_MUTATIONS = ["drop-column", "double-column", "reorder", "truncate", "open-quote",
                 "stray-quote", "bom", "mixed-endings", "crlf", "blank-header", "nul"]
DOCUMENT_MUTATIONS = ["truncate", "nest-records", "nest-value", "bom", "crlf",
                      "duplicate-key", "wrap-scalar"]


def mutate_csv(draw: st.DrawFn, header: list[str], rows: list[list[Any]],
               mutation: str) -> bytes:
    """The table as CSV bytes with one structural mutation."""
    width = len(header)
    order = list(range(width))
    if mutation == "drop-column" and width > 1:
        order.remove(draw(st.sampled_from(order)))
    elif mutation == "double-column":
        order.insert(draw(st.integers(0, width)), draw(st.sampled_from(order)))
    elif mutation == "reorder":
        order = draw(st.permutations(order))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(
        [[header[i] for i in order], *[[csv_cell(r[i]) for i in order] for r in rows]])
    text = buffer.getvalue()
    lines = text.split("\n")
    match mutation:
        case "truncate":
            text = text[:draw(st.integers(0, max(len(text) - 1, 0)))]
        case "open-quote":
            at = draw(st.integers(1, max(len(lines) - 2, 1)))
            lines[at] = '"' + lines[at]
            text = "\n".join(lines)
        case "stray-quote":
            text = text.replace(",", ',"', 1) if "," in text else '"' + text
        case "bom":
            text = "\ufeff" + text
        case "mixed-endings":
            text = "".join(line + draw(st.sampled_from(["\n", "\r\n", "\r"]))
                           for line in lines[:-1])
        case "crlf":
            text = text.replace("\n", "\r\n")
        case "blank-header":
            text = "\n" * draw(st.integers(1, 3)) + text
        case "nul":
            at = draw(st.integers(0, max(len(text) - 1, 0)))
            text = text[:at] + "\x00" + text[at:]
    return text.encode("utf-8", "surrogatepass")


def mutate_document(draw: st.DrawFn, kind: str, records: list[dict[str, Any]],
                    mutation: str) -> bytes:
    """Records as YAML or JSON bytes with one structural mutation."""
    import yaml

    data: Any = records
    if mutation == "nest-records":
        data = {"records": records}
    elif mutation == "nest-value" and records and records[0]:
        key = draw(st.sampled_from(sorted(records[0])))
        records[0][key] = draw(st.sampled_from([[records[0][key]], {"value": records[0][key]}]))
    elif mutation == "wrap-scalar":
        data = [draw(st.sampled_from([1, "x", None, True])), *records]
    if kind == "json":
        text = json.dumps(data, ensure_ascii=False, default=str)
    else:
        text = yaml.safe_dump(data, allow_unicode=True)
    match mutation:
        case "truncate":
            text = text[:draw(st.integers(0, max(len(text) - 1, 0)))]
        case "bom":
            text = "\ufeff" + text
        case "crlf":
            text = text.replace("\n", "\r\n")
        case "duplicate-key" if records and records[0]:
            key = sorted(records[0])[0]
            text = (text.replace("{", f'{{"{key}": 1, ', 1) if kind == "json"
                    else text.replace("\n", f"\n  {key}: 1\n", 1) if text.startswith("- ")
                    else f"{key}: 1\n" + text)
    return text.encode("utf-8", "surrogatepass")


def counted_records(report: str) -> int:
    return sum(i["rows"] for i in json.loads(report)["inputs"] if i["kind"] == "records")


@fuzz_settings
@given(proposal_tables(), st.sampled_from(CSV_MUTATIONS), st.sampled_from(FORMATS), st.data())
def test_structurally_broken_proposal_tables_keep_the_promise(
        table: tuple[list[str], list[list[Any]]], mutation: str, fmt: str,
        data: st.DataObject) -> None:
    header, rows = table
    event(f"mutation {mutation}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "proposals.csv"
        path.write_bytes(mutate_csv(data.draw, header, rows, mutation))
        code, report, err = run([path], fmt, Path(folder))
        assert_the_promise(code, report, err, fmt)
        if code != 2 and mutation in KEEPS_ROWS:
            _, report, _ = run([path], "json", Path(folder))
            assert counted_records(report) == sum(1 for r in rows if not blank_row(r))


@fuzz_settings
@given(plan_tables(), st.sampled_from(CSV_MUTATIONS), st.sampled_from(FORMATS), st.data())
def test_structurally_broken_plan_data_keeps_the_promise(
        table: tuple[list[str], list[list[Any]]], mutation: str, fmt: str,
        data: st.DataObject) -> None:
    header, rows = table
    event(f"mutation {mutation}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.csv"
        path.write_bytes(mutate_csv(data.draw, header, rows, mutation))
        code, report, err = run([path], fmt, Path(folder))
        assert_the_promise(code, report, err, fmt)
        if code != 2 and mutation in KEEPS_ROWS:
            _, report, _ = run([path], "json", Path(folder))
            assert counted_plan_rows(json.loads(report)) == sum(
                1 for r in rows if not blank_row(r))


@fuzz_settings
@given(proposal_tables(), st.sampled_from(["yaml", "json"]),
       st.sampled_from(DOCUMENT_MUTATIONS), st.sampled_from(FORMATS), st.data())
def test_structurally_broken_documents_keep_the_promise(
        table: tuple[list[str], list[list[Any]]], kind: str, mutation: str, fmt: str,
        data: st.DataObject) -> None:
    header, rows = table
    event(f"mutation {mutation}")
    records = [{name: value for name, value in zip(header, row, strict=True) if name}
               for row in rows]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"proposals.{kind}"
        path.write_bytes(mutate_document(data.draw, kind, records, mutation))
        code, report, err = run([path], fmt, Path(folder))
        assert_the_promise(code, report, err, fmt)


@fuzz_settings
@given(proposal_tables(), st.sampled_from(["empty-first", "second-only", "both"]),
       st.sampled_from(["text", "json"]))
def test_data_on_the_wrong_sheet_is_named_or_read(
        table: tuple[list[str], list[list[Any]]], layout: str, fmt: str) -> None:
    """A workbook whose data is not (only) on its first sheet: read, or a diagnostic —
    never a silent empty read."""
    import openpyxl
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    header, rows = table
    event(f"layout {layout}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "proposals.xlsx"
        book = openpyxl.Workbook()
        first = book.active
        assert first is not None
        second = book.create_sheet("Data")
        for sheet in ([second] if layout != "both" else [first, second]):
            for line in [header, *rows]:
                sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v
                              for v in line])
        if layout == "second-only":
            first.append(["notes"])
        book.save(path)
        code, report, err = run([path], fmt, Path(folder))
        assert_the_promise(code, report, err, fmt)
        if layout != "both":  # the first sheet holds no records: never a pass on nothing
            assert code == 2 or "D315" in err or "D315" in report, err
