"""The adversarial corpus: hostile inputs and options, each with the exit it must give.

Each `Case` is files written into an empty folder, the `plancheck` arguments run there,
and the exit code the promise demands (0 pass, 1 findings, 2 bad input with a
diagnostic) — decided from the documented behaviour, not from a run.  Groups: proposals
(YAML, JSON, CSV, XLSX, Parquet), plan data, rule files, CLI options (`-o` targets,
`--as-of` forms, every `--format`) and injection strings.  `test_adversarial_corpus`
runs them and checks the rest of the promise on every output.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
GOOD_TEXT = (ROOT / "examples/proposals/airport-logistics.yaml").read_text(encoding="utf-8")
FAIL_TEXT = (ROOT / "examples/proposals/fail-farmland-greenhouse.yaml").read_text(
    encoding="utf-8")
FORMATS = ("text", "json", "markdown", "html", "junit", "sarif", "github", "xlsx", "csv")
# strings that act on a terminal or a log when shown raw
OSC_TITLE = "\x1b]0;pwned\x07\x1b[2J"
OSC_LINK = "\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\"
C1 = "\x9b2J\x85"
RLO = "\u202eevil\u2066x\u2069"
WORKFLOW = "\n::error file=x,line=1::owned"
INJECTIONS = {"osc-title": OSC_TITLE, "osc-link": OSC_LINK, "c1": C1, "rlo": RLO,
              "workflow": WORKFLOW, "crlf-workflow": "\r\n::warning::x",
              "line-separator": "\u2028::notice::y", "formula": "=HYPERLINK(\"http://x\")"}

Content = bytes | Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    id: str
    argv: tuple[str, ...]
    exit: int
    files: dict[str, Content] = field(default_factory=dict)
    stdin: bytes | None = None
    subprocess: bool = False  # run as a separate process (stdin, special files)
    # files that must hold exactly these bytes after the run (an edit in place, or none)
    after: dict[str, bytes] = field(default_factory=dict)
    xfail: str = ""  # a known failure, why, and whose room the fix is in (strict xfail)
    not_as_root: bool = False  # needs permissions that root ignores
    creates: str = ""  # a folder the command is meant to make (`new`): its files may appear


def fields(text: str) -> dict[str, str]:
    """The `key: value` lines of a proposal, in order."""
    return dict(line.split(": ", 1) for line in text.splitlines()
                if line and not line.startswith("#"))


GOOD, FAIL = fields(GOOD_TEXT), fields(FAIL_TEXT)


def yaml_text(values: dict[str, str]) -> bytes:
    return "".join(f"{k}: {v}\n" for k, v in values.items()).encode("utf-8")


def with_(base: dict[str, str], **changes: str) -> bytes:
    return yaml_text({**base, **changes})


def quoted(text: str) -> str:
    """`text` as a YAML/JSON double-quoted string (escapes for what YAML may not hold)."""
    return json.dumps(text, ensure_ascii=True)


def csv_text(rows: list[dict[str, str]], newline: str = "\n") -> bytes:
    header = list(rows[0])
    lines = [",".join(header), *(",".join(r[h] for h in header) for r in rows)]
    return (newline.join(lines) + newline).encode("utf-8")


def json_records(rows: list[dict[str, object]]) -> bytes:
    return json.dumps(rows, ensure_ascii=True).encode("utf-8")


def typed(values: dict[str, str]) -> dict[str, object]:
    """A proposal for JSON: booleans and counts as JSON values, the rest as text."""
    out: dict[str, object] = {}
    for key, value in values.items():
        out[key] = {"true": True, "false": False}.get(value, value)
    return out


def plan_rows(*rows: tuple[str, str, str, str, str]) -> bytes:
    lines = ["indicator,region,year,value,unit", *(",".join(r) for r in rows)]
    return ("\n".join(lines) + "\n").encode("utf-8")


LAND = ("urban_rural_construction_land", "大兴区", "2023", "318.1", "km²")
BUS = ("bus_stop_500m_coverage", "大兴区", "2023", "95", "%")


def xlsx(*sheets: tuple[str, list[list[object]]]) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        import openpyxl

        book = openpyxl.Workbook()
        first = book.active
        assert first is not None
        book.remove(first)
        for title, rows in sheets:
            sheet = book.create_sheet(title)
            for row in rows:
                sheet.append(row)
        book.save(path)
    return write


def parquet(columns: dict[str, object], index: bool = False) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if index:
            import pandas as pd

            frame = pd.DataFrame(columns, index=[7] * len(next(iter(columns.values()))))
            frame.to_parquet(path)
            return
        pq.write_table(pa.table(columns), path)
    return write


def truncated(write: Callable[[Path], None], keep: float = 0.5) -> Callable[[Path], None]:
    def cut(path: Path) -> None:
        write(path)
        data = path.read_bytes()
        path.write_bytes(data[:int(len(data) * keep)])
    return cut


def table_rows(values: dict[str, str]) -> list[list[object]]:
    return [list(values), list(values.values())]


def nested_flow(depth: int) -> bytes:
    return ("id: P-1\nname: " + "[" * depth + "1" + "]" * depth + "\n").encode()


ALIAS_BOMB = ("id: P-1\nname: &a [x, x, x, x, x, x, x, x, x]\n"
              + "".join(f"k{i}: &a{i + 1} [{', '.join(['*a' if i == 0 else f'*a{i}'] * 9)}]\n"
                        for i in range(8))
              + "land_area: *a8\n").encode()

RULES_HEADER = """\
plan t {
  title "t"
  period 2021..2025
  region 大兴区
}
record project {
  id: text required
  land: km2
}
indicator gdp {
  unit %
  direction up
}
"""


def rules(body: str) -> bytes:
    return (RULES_HEADER + body).encode("utf-8")


def nested(function: str, inner: str, levels: int) -> str:
    for _ in range(levels):
        inner = f"{function}({inner})"
    return inner


def _proposals() -> list[Case]:
    p = "p.yaml"
    cases = [
        Case("yaml-good", ("check", p), 0, {p: GOOD_TEXT.encode()}),
        Case("yaml-failing-farmland", ("check", p), 1, {p: FAIL_TEXT.encode()}),
        Case("yaml-bool-off", ("check", p), 2,
             {p: with_(GOOD, occupies_permanent_basic_farmland="off")}),
        Case("yaml-bool-0.0", ("check", p), 2,
             {p: with_(GOOD, occupies_permanent_basic_farmland="0.0")}),
        Case("yaml-bool-y", ("check", p), 2, {p: with_(GOOD, in_ecological_red_line="y")}),
        Case("yaml-sexagesimal", ("check", p), 2, {p: with_(GOOD, new_operating_vehicles="1:30")}),
        Case("yaml-nan", ("check", p), 2, {p: with_(GOOD, new_construction_land=".nan")}),
        Case("yaml-tagged-nan", ("check", p), 2,
             {p: with_(GOOD, new_construction_land="!!float .nan")}),
        Case("yaml-inf", ("check", p), 2, {p: with_(GOOD, land_area=".inf")}),
        Case("yaml-negative-land", ("check", p), 2,
             {p: with_(GOOD, new_construction_land="-500 ha")}),
        Case("yaml-share-150", ("check", p), 2, {p: with_(GOOD, new_energy_vehicle_share="150%")}),
        Case("yaml-share-minus-5", ("check", p), 2,
             {p: with_(GOOD, new_energy_vehicle_share="-5%")}),
        Case("yaml-fractional-count", ("check", p), 2,
             {p: with_(GOOD, new_operating_vehicles="2.5")}),
        Case("yaml-1e400", ("check", p), 2, {p: with_(GOOD, land_area="1e400 ha")}),
        Case("yaml-exponent-bomb", ("check", p), 2, {p: with_(GOOD, land_area="1e999999999 ha")}),
        Case("yaml-tiny-exponent", ("check", p), 2, {p: with_(GOOD, land_area="1e-999999999 ha")}),
        Case("yaml-4400-digits", ("check", p), 2, {p: with_(GOOD, land_area="9" * 4400)}),
        Case("yaml-alias-bomb", ("check", p), 2, {p: ALIAS_BOMB}),
        Case("yaml-nested-3000", ("check", p), 2, {p: nested_flow(3000)}),
        Case("yaml-nul-byte", ("check", p), 2, {p: with_(GOOD, name="a\x00b")}),
        Case("yaml-raw-escape", ("check", p), 2, {p: with_(GOOD, name="a\x1b[2Jb")}),
        Case("yaml-unknown-key-escaped", ("check", p), 2,
             {p: yaml_text({**GOOD, quoted("indusrty" + OSC_TITLE): "x"})}),
        Case("yaml-unknown-unit", ("check", p), 2, {p: with_(GOOD, land_area="12 furlong")}),
        Case("yaml-wrong-dimension", ("check", p), 2, {p: with_(GOOD, land_area="12 kg")}),
        Case("yaml-unit-injected", ("check", p), 2,
             {p: with_(GOOD, land_area=quoted("12 " + OSC_TITLE))}),
        Case("yaml-arabic-indic-year", ("check", p), 2, {p: with_(GOOD, completion_year="٢٠٢٥")}),
        Case("yaml-enum-typo", ("check", p), 2, {p: with_(GOOD, town="大兴")}),
        Case("yaml-mapping-value", ("check", p), 2, {p: with_(GOOD, land_area="{a: 1}")}),
        Case("yaml-list-value", ("check", p), 2, {p: with_(GOOD, land_area="[1, 2]")}),
        Case("yaml-python-tag", ("check", p), 2,
             {p: with_(GOOD, name='!!python/object/apply:os.system ["echo hi"]')}),
        Case("yaml-empty", ("check", p), 2, {p: b""}),
        Case("yaml-only-separator", ("check", p), 2, {p: b"---\n"}),
        Case("yaml-scalar-document", ("check", p), 2, {p: b"42\n"}),
        Case("yaml-list-of-scalars", ("check", p), 2, {p: b"- 1\n- 2\n"}),
        Case("yaml-duplicate-key", ("check", p), 2, {p: GOOD_TEXT.encode() + b"id: again\n"}),
        Case("yaml-invalid-utf8", ("check", p), 2, {p: b"id: \xff\xfe\xfa\x80\n"}),
        Case("yaml-tab-indent", ("check", p), 2, {p: b"id: P-1\n\tname: x\n"}),
        Case("yaml-bom", ("check", p), 0, {p: b"\xef\xbb\xbf" + GOOD_TEXT.encode()}),
        Case("yaml-crlf", ("check", p), 0, {p: GOOD_TEXT.replace("\n", "\r\n").encode()}),
        Case("yaml-padded-enum", ("check", p), 0, {p: with_(GOOD, industry=quoted(" 航空物流 "))}),
        Case("yaml-padded-duplicate-ids", ("check", p), 2, {p: (
            "- " + yaml_text({**GOOD, "id": quoted(" P-1 ")}).decode().replace("\n", "\n  ")
            + "\n- " + yaml_text({**GOOD, "id": "P-1"}).decode().replace("\n", "\n  ")
            ).encode()}),
    ]
    for name, text in INJECTIONS.items():
        cases.append(Case(f"yaml-id-{name}", ("check", p, "-o", "r.txt"), 1,
                          {p: with_(FAIL, id=quoted("P" + text), name=quoted(text + "n"))}))
    return cases


def _json() -> list[Case]:
    p = "p.json"
    good = typed(GOOD)
    return [
        Case("json-good", ("check", p), 0, {p: json_records([good])}),
        Case("json-single-object", ("check", p), 0, {p: json.dumps(good).encode()}),
        Case("json-nan", ("check", p), 2,
             {p: json_records([good]).replace(b'"8 ha"', b"NaN")}),
        Case("json-infinity", ("check", p), 2,
             {p: json_records([good]).replace(b'"8 ha"', b"-Infinity")}),
        Case("json-1e400", ("check", p), 2, {p: json_records([{**good, "land_area": 1e308}])
                                              .replace(b"1e+308", b"1e400")}),
        Case("json-5000-digits", ("check", p), 2,
             {p: json_records([good]).replace(b'"40"', b"9" * 5000)}),
        Case("json-lone-surrogate-value", ("check", p), 2,
             {p: json_records([good]).replace(b'"DX-2023-001"', b'"\\ud800"')}),
        Case("json-lone-surrogate-key", ("check", p), 2,
             {p: json_records([good])[:-2] + b', "\\udfff": 1}]'}),
        Case("json-depth-3000", ("check", p), 2, {p: b"[" * 3000 + b"]" * 3000}),
        Case("json-trailing-comma", ("check", p), 2, {p: json_records([good])[:-2] + b",}]"}),
        Case("json-top-level-number", ("check", p), 2, {p: b"42"}),
        Case("json-empty-array", ("check", p), 2, {p: b"[]"}),
        Case("json-utf16", ("check", p), 2, {p: json.dumps([good]).encode("utf-16")}),
        Case("json-bom", ("check", p), 0, {p: b"\xef\xbb\xbf" + json_records([good])}),
        Case("json-duplicate-keys", ("check", p), 2,
             {p: json_records([good])[:-2] + b', "id": "B"}]'}),
        Case("json-null-required", ("check", p), 2,
             {p: json_records([{**good, "occupies_permanent_basic_farmland": None}])}),
        Case("json-boolean-as-number-string", ("check", p), 2,
             {p: json_records([{**good, "in_ecological_red_line": "0.0"}])}),
        Case("json-injected-id", ("check", p, "--format", "github"), 0,
             {p: json_records([{**good, "id": "P" + OSC_TITLE + WORKFLOW}])}),
        Case("json-injected-key", ("check", p), 2,
             {p: json_records([{**good, RLO + "key" + WORKFLOW: 1}])}),
    ]


def _csv() -> list[Case]:
    p = "p.csv"
    good, fail = dict(GOOD), {**GOOD, **{k: v for k, v in FAIL.items() if k in GOOD}}
    fail["id"] = "F-1"
    header = list(good)
    swapped = {k: good[k] for k in reversed(header)}
    unknown = ",".join(f"x{i}" for i in range(5000))
    return [
        Case("csv-good", ("check", p), 0, {p: csv_text([good])}),
        Case("csv-with-failing-row", ("check", p), 1, {p: csv_text([good, fail])}),
        Case("csv-unclosed-quote-last-cell", ("check", p), 2, {p: csv_text(
            [good, fail, {**fail, "id": "F-2"}]).replace(b"2025\n", b'2025"\n', 1).replace(
            b',2025"', b',"2025', 1)}),
        Case("csv-unclosed-quote-middle", ("check", p), 2,
             {p: csv_text([{**good, "name": '"open'}, fail])}),
        Case("csv-cr-line-ends", ("check", p), 1, {p: csv_text([good, fail], "\r")}),
        Case("csv-crlf-line-ends", ("check", p), 1, {p: csv_text([good, fail], "\r\n")}),
        Case("csv-mixed-line-ends", ("check", p), 1,
             {p: csv_text([good, fail, {**good, "id": "G-2"}]).replace(b"\n", b"\r\n", 1)
              .replace(b"\n", b"\r", 3)}),
        Case("csv-bom", ("check", p), 0, {p: b"\xef\xbb\xbf" + csv_text([good])}),
        Case("csv-duplicated-column", ("check", p), 2,
             {p: csv_text([good]).replace(b"id,", b"id,id,", 1).replace(
                 b"DX-2023-001,", b"DX-2023-001,DX-2023-001,", 1)}),
        Case("csv-dropped-required-column", ("check", p), 2, {p: csv_text(
            [{k: v for k, v in good.items() if k != "occupies_permanent_basic_farmland"}])}),
        Case("csv-reordered-columns", ("check", p), 0, {p: csv_text([swapped])}),
        Case("csv-unknown-column-injected", ("check", p), 2,
             {p: csv_text([{**good, "col" + OSC_TITLE.replace("\x07", ""): "1"}])}),
        Case("csv-5000-unknown-columns", ("check", p), 2, {p: (
            ",".join(header) + "," + unknown + "\n" + ",".join(good.values())
            + "," * 5000 + "\n").encode()}),
        Case("csv-empty", ("check", p), 2, {p: b""}),
        Case("csv-header-only", ("check", p), 2, {p: (",".join(header) + "\n").encode()}),
        Case("csv-ragged-long", ("check", p), 2, {p: csv_text([good]).rstrip() + b",extra\n"}),
        Case("csv-ragged-short", ("check", p), 2, {p: csv_text([good]).rsplit(b",", 1)[0] + b"\n"}),
        Case("csv-semicolons", ("check", p), 2, {p: csv_text([good]).replace(b",", b";")}),
        Case("csv-tabs", ("check", p), 2, {p: csv_text([good]).replace(b",", b"\t")}),
        Case("csv-blank-lines", ("check", p), 1,
             {p: csv_text([good, fail]).replace(b"\n", b"\n\n\n")}),
        Case("csv-padded-duplicate-ids", ("check", p), 2,
             {p: csv_text([{**good, "id": " P-1 "}, {**good, "id": "P-1"}])}),
        Case("csv-quoted-multiline-name", ("check", p), 0,
             {p: csv_text([{**good, "name": '"a, ""b""\nsecond line"'}])}),
        Case("csv-negative-land", ("check", p), 2,
             {p: csv_text([{**good, "new_construction_land": "-500 ha"}])}),
        Case("csv-bool-0.0", ("check", p), 2,
             {p: csv_text([{**good, "in_ecological_red_line": "0.0"}])}),
        Case("csv-exponent-bomb", ("check", p), 2,
             {p: csv_text([{**good, "land_area": "1e999999999 ha"}])}),
        Case("csv-formula-name", ("check", p, "--format", "xlsx", "-o", "r.xlsx"), 0,
             {p: csv_text([{**good, "name": "=HYPERLINK(\"\"http://x\"\")"}])}),
        Case("csv-injected-header-raw-escape", ("check", p), 2,
             {p: csv_text([good]).replace(b"name", b"na\x1b]0;x\x07me", 1)}),
        Case("csv-not-utf8", ("check", p), 2, {p: b"id,name\n\xff\xfe,\x81\n"}),
    ]


def _workbooks_and_parquet() -> list[Case]:
    b, q = "p.xlsx", "p.parquet"
    fail = {**GOOD, **{k: v for k, v in FAIL.items() if k in GOOD}}
    good_columns = {k: [v] for k, v in GOOD.items()}
    return [
        Case("xlsx-good", ("check", b), 0, {b: xlsx(("Sheet1", table_rows(GOOD)))}),
        Case("xlsx-failing", ("check", b), 1, {b: xlsx(("Sheet1", table_rows(fail)))}),
        Case("xlsx-second-sheet-named", ("check", b), 0,
             {b: xlsx(("Sheet1", table_rows(GOOD)), ("Sheet2", table_rows(fail)))}),
        Case("xlsx-sheet-chosen", ("check", b, "--sheet", "Sheet2"), 1,
             {b: xlsx(("Sheet1", table_rows(GOOD)), ("Sheet2", table_rows(fail)))}),
        Case("xlsx-sheet-missing", ("check", b, "--sheet", "Sheet9"), 2,
             {b: xlsx(("Sheet1", table_rows(GOOD)))}),
        Case("xlsx-sheet-name-injected", ("check", b, "--sheet", "S" + OSC_TITLE), 2,
             {b: xlsx(("Sheet1", table_rows(GOOD)))}),
        Case("xlsx-empty-sheet", ("check", b), 2, {b: xlsx(("Sheet1", []))}),
        Case("xlsx-not-a-zip", ("check", b), 2, {b: b"id,name\nP-1,x\n"}),
        Case("xlsx-truncated", ("check", b), 2, {b: truncated(xlsx(("Sheet1", table_rows(GOOD))))}),
        Case("xlsx-bidi-id", ("check", b), 0,
             {b: xlsx(("Sheet1", table_rows({**GOOD, "id": "P" + RLO})))}),
        Case("parquet-good", ("check", q), 0, {q: parquet(good_columns)}),
        Case("parquet-index-column", ("check", q), 0, {q: parquet(good_columns, index=True)}),
        Case("parquet-list-column", ("check", q), 2,
             {q: parquet({**good_columns, "land_area": [[1, 2]]})}),
        Case("parquet-struct-column", ("check", q), 2,
             {q: parquet({**good_columns, "land_area": [{"a": 1}]})}),
        Case("parquet-binary-id", ("check", q), 2, {q: parquet({**good_columns, "id": [b"P-1"]})}),
        Case("parquet-truncated", ("check", q), 2, {q: truncated(parquet(good_columns))}),
        Case("parquet-not-parquet", ("check", q), 2, {q: b"PAR1 not really"}),
        Case("parquet-plan-list-value", ("check", q), 2,
             {q: parquet({"indicator": [LAND[0]], "region": ["大兴区"], "year": [2023],
                          "value": [[318.1]], "unit": ["km²"]})}),
        Case("parquet-plan-binary-indicator", ("check", q), 2,
             {q: parquet({"indicator": [LAND[0].encode()], "region": ["大兴区"], "year": [2023],
                          "value": [318.1], "unit": ["km²"]})}),
    ]


def _plan_data() -> list[Case]:
    d = "d.csv"

    def row(**changes: str) -> tuple[str, str, str, str, str]:
        names = ("indicator", "region", "year", "value", "unit")
        values = dict(zip(names, LAND, strict=True)) | changes
        return tuple(values[n] for n in names)  # type: ignore[return-value]

    return [
        Case("plan-good", ("check", d), 0, {d: plan_rows(LAND)}),
        Case("plan-over-the-cap", ("check", d), 1, {d: plan_rows(row(value="400"))}),
        Case("plan-coverage-134", ("check", d), 2,
             {d: plan_rows(("bus_stop_500m_coverage", "大兴区", "2023", "134", "%"))}),
        Case("plan-negative-landfill", ("check", d), 2,
             {d: plan_rows(("raw_waste_landfilled", "大兴区", "2023", "-5000", "t"))}),
        Case("plan-negative-area", ("check", d), 2, {d: plan_rows(row(value="-3"))}),
        Case("plan-year-1899", ("check", d), 2, {d: plan_rows(row(year="1899"))}),
        Case("plan-year-2201", ("check", d), 2, {d: plan_rows(row(year="2201"))}),
        Case("plan-month-13", ("check", d), 2, {d: plan_rows(row(year="2022-13"))}),
        Case("plan-region-typo", ("check", d), 2, {d: plan_rows(row(region="大兴"))}),
        # a region the suite does not know is a note (`not checked by any rule`), shown escaped
        Case("plan-region-injected", ("check", d), 0,
             {d: plan_rows(row(region="大兴" + OSC_TITLE.replace("\x07", "") + RLO))}),
        Case("plan-5000-digits", ("check", d), 2, {d: plan_rows(row(value="9" * 5000))}),
        Case("plan-exponent-bomb", ("check", d), 2, {d: plan_rows(row(value="1e999999999"))}),
        Case("plan-nan", ("check", d), 2, {d: plan_rows(row(value="NaN"))}),
        Case("plan-unknown-indicator", ("check", d), 0,
             {d: plan_rows(LAND, row(indicator="not_in_the_catalogue"))}),
        Case("plan-indicator-injected", ("check", d, "--format", "text", "-o", "r.txt"), 0,
             {d: plan_rows(LAND, row(indicator="x" + WORKFLOW.replace("\n", "")
                                     .replace(",", ";")))}),
        Case("plan-repeated-row", ("check", d), 0, {d: plan_rows(LAND, LAND)}),
        Case("plan-conflicting-rows", ("check", d), 2, {d: plan_rows(LAND, row(value="300"))}),
        Case("plan-qualified", ("check", d), 0, {d: plan_rows(row(
            indicator="bus_stop_500m_coverage", value="95%以上", unit="%"))}),
        Case("plan-qualified-twice", ("check", d), 2, {d: plan_rows(row(
            indicator="bus_stop_500m_coverage", value="约95以上", unit="%"))}),
        Case("plan-wrong-unit", ("check", d), 2, {d: plan_rows(row(unit="t"))}),
        Case("plan-unit-injected", ("check", d), 2, {d: plan_rows(row(unit="km" + C1))}),
        Case("plan-missing-value-column", ("check", d), 2,
             {d: b"indicator,region,year,unit\nurban_rural_construction_land,\xe5\xa4\xa7"
                 b"\xe5\x85\xb4\xe5\x8c\xba,2023,km2\n"}),
        Case("plan-unclosed-quote", ("check", d), 2, {d: plan_rows(
            row(value='"318.1'), row(year="2024", value="400"))}),
        Case("plan-xlsx-good", ("check", "d.xlsx"), 0,
             {"d.xlsx": xlsx(("Sheet1", [["indicator", "region", "year", "value", "unit"],
                                         list(LAND)]))}),
        Case("plan-parquet-decimal", ("check", "d.parquet"), 0, {"d.parquet": _decimal_plan}),
    ]


def _decimal_plan(path: Path) -> None:
    from decimal import Decimal

    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"indicator": [LAND[0]], "region": ["大兴区"], "year": [2023],
                             "value": pa.array([Decimal("318.10")], pa.decimal128(6, 2)),
                             "unit": ["km²"]}), path)


def _rule_files() -> list[Case]:
    r = "x.rules"
    deep = nested("growth", "gdp", 30)
    chain = " and ".join(["land >= 0 km2"] * 101)
    return [
        Case("rules-syntax-error", ("lint", r), 2, {r: rules("rule X {\n  require ((\n}\n")}),
        Case("rules-control-char", ("lint", r), 2, {r: rules("rule X\x1b[2J {\n}\n")}),
        Case("rules-bidi-override", ("lint", r), 2,
             {r: rules("rule X {\n  for each project\n  require land <= 5 km2 # \u202e}\n}\n")}),
        Case("rules-nul-byte", ("lint", r), 2, {r: rules("rule X {\x00}\n")}),
        Case("rules-invalid-utf8", ("lint", r), 2, {r: RULES_HEADER.encode() + b"\xff\xfe\n"}),
        Case("rules-30-nested-growth", ("analyze", r), 1, {r: rules(
            f"rule G {{\n  require {deep} >= 5 %\n}}\nrule H {{\n  require {deep} <= 3 %\n}}\n")}),
        Case("rules-101-and-chain", ("suite", r), 0,
             {r: rules(f"rule C {{\n  for each project\n  require {chain}\n}}\n")}),
        Case("rules-deep-parentheses", ("suite", r), 2, {r: rules(
            "rule D {\n  for each project\n  require " + "(" * 500 + "land" + ")" * 500
            + " <= 5 km2\n}\n")}),
        Case("rules-two-reads", ("suite", r), 2, {r: rules(
            'rule X {\n  for each project\n  read 主要 = 80 % because "a"\n'
            '  read 主要 = 50 % because "b"\n  require land >= 主要\n}\n')}),
        Case("rules-second-base-unit", ("suite", r), 2,
             {r: rules("unit furlong: length base\nunit li: length base\n")}),
        Case("rules-divide-by-zero", ("suite", r), 2,
             {r: rules("rule Z {\n  for each project\n  require land <= 319 km2 / 0\n}\n")}),
        Case("rules-5000-digits", ("suite", r), 2, {r: rules(
            "rule N {\n  for each project\n  require land <= " + "9" * 5000 + " km2\n}\n")}),
        Case("rules-test-1e400", ("test", r), 2, {r: rules(
            "rule N {\n  for each project\n  require land <= 5 km2\n}\n"
            'test "huge" {\n  given project { id: "a", land: 1e400 km2 }\n  expect N fail\n}\n')}),
        Case("rules-string-workflow-words", ("suite", r), 0, {r: rules(
            'rule Q "::error file=x::owned" {\n  for each project\n  require land <= 5 km2\n}\n')}),
        Case("rules-string-raw-escape", ("suite", r), 2, {r: rules(
            'rule Q "t' + OSC_TITLE + '" {\n  for each project\n  require land <= 5 km2\n}\n')}),
        Case("rules-string-rlo", ("analyze", r), 2, {r: rules(
            'rule Q "t' + RLO + '" {\n  for each project\n  require land <= 5 km2\n}\n')}),
        Case("rules-check-with-broken-suite", ("check", "p.yaml", "--rules", r), 2,
             {r: rules("rule X {\n  require ((\n}\n"), "p.yaml": GOOD_TEXT.encode()}),
        Case("rules-empty-file", ("lint", r), 2, {r: b""}),
    ]


def _options() -> list[Case]:
    p, good = "p.yaml", GOOD_TEXT.encode()
    cases = [
        Case("o-folder", ("check", p, "-o", "sub"), 2, {p: good, "sub/keep": b""}),
        Case("o-missing-parent", ("check", p, "-o", "nowhere/r.json"), 2, {p: good}),
        Case("o-dev-full", ("check", p, "-o", "/dev/full"), 2, {p: good}),
        Case("o-names-the-input", ("check", p, "-o", p), 2, {p: good}),
        Case("o-names-the-input-other-spelling", ("check", p, "-o", "./sub/../p.yaml"), 2,
             {p: good, "sub/keep": b""}),
        Case("o-empty", ("check", p, "-o", ""), 2, {p: good}),
        Case("o-dash", ("check", p, "-o", "-"), 0, {p: good}),
        Case("o-lint-names-its-rules", ("lint", "x.rules", "-o", "x.rules"), 2,
             {"x.rules": rules("")}),
        Case("o-writes-a-whole-report-on-bad-input",
             ("check", p, "-o", "r.json", "--format", "json"), 2,
             {p: with_(GOOD, land_area="x ha")}),
        Case("as-of-impossible-date", ("check", p, "--as-of", "2023-99-99"), 2, {p: good}),
        Case("as-of-arabic-indic", ("check", p, "--as-of", "٢٠٢٣"), 2, {p: good}),
        Case("as-of-fullwidth", ("check", p, "--as-of", "２０２３"), 2, {p: good}),
        Case("as-of-year", ("check", p, "--as-of", "2023"), 0, {p: good}),
        Case("as-of-month", ("check", p, "--as-of", "2023-06"), 0, {p: good}),
        Case("as-of-date", ("check", p, "--as-of", "2024-02-29"), 0, {p: good}),
        Case("as-of-not-a-leap-day", ("check", p, "--as-of", "2023-02-29"), 2, {p: good}),
        Case("as-of-word", ("check", p, "--as-of", "next year"), 2, {p: good}),
        Case("as-of-empty", ("check", p, "--as-of", ""), 2, {p: good}),
        Case("as-of-injected", ("check", p, "--as-of", "2023" + OSC_TITLE), 2, {p: good}),
        Case("format-unknown", ("check", p, "--format", "pdf"), 2, {p: good}),
        Case("format-injected", ("check", p, "--format", "x" + OSC_TITLE), 2, {p: good}),
        Case("flag-unknown", ("check", p, "--frobnicate"), 2, {p: good}),
        Case("fail-on-unknown", ("check", p, "--fail-on", "sometimes"), 2, {p: good}),
        Case("max-findings-zero", ("check", p, "--max-findings", "0"), 0, {p: good}),
        Case("analyze-depth-zero", ("analyze", "x.rules", "--max-depth", "0"), 2,
             {"x.rules": rules("")}),
        Case("analyze-timeout-arabic-indic", ("analyze", "x.rules", "--query-timeout", "٣"), 2,
             {"x.rules": rules("")}),
        Case("analyze-time-limit-one", ("analyze", "x.rules", "--time-limit", "1",
                                        "--query-timeout", "1"), 0, {"x.rules": rules(
            "rule A {\n  for each project\n  require land <= 5 km2\n}\n")}),
        Case("input-missing", ("check", "nothing.yaml"), 2),
        Case("input-name-injected", ("check", "n" + OSC_TITLE + WORKFLOW + ".yaml"), 2),
        Case("input-folder-empty", ("check", "empty"), 2, {"empty/.keep": b""}),
        Case("input-unsupported-suffix", ("check", "p.txt"), 2, {"p.txt": good}),
        Case("input-dev-zero", ("check", "/dev/zero"), 2),
        Case("input-symlink-loop", ("check", "loop.yaml"), 2, {"loop.yaml": _symlink_loop}),
        Case("input-fifo", ("check", "pipe.yaml"), 2, {"pipe.yaml": _fifo}, subprocess=True),
        Case("stdin-named", ("check", "-", "--stdin-name", "p.yaml"), 0, stdin=good,
             subprocess=True),
        Case("stdin-twice", ("check", "-", "-"), 2, stdin=good, subprocess=True),
        Case("stdin-name-injected", ("check", "-", "--stdin-name", "p" + WORKFLOW + ".yaml"), 0,
             stdin=good, subprocess=True),
        Case("stdin-binary", ("check", "-", "--stdin-name", "p.yaml"), 2,
             stdin=b"\x00\x01\x02\xff", subprocess=True),
    ]
    for fmt in FORMATS:
        out = f"r.{fmt}"
        hostile = with_(FAIL, id=quoted("P" + OSC_TITLE + WORKFLOW + RLO),
                        name=quoted(OSC_LINK + C1 + "=1+1"))
        cases.append(Case(f"format-{fmt}-hostile-proposal", ("check", p, "--format", fmt,
                                                             "-o", out), 1, {p: hostile}))
        cases.append(Case(f"format-{fmt}-hostile-plan-data",
                          ("check", "d.csv", "--format", fmt, "-o", out, "--details"), 1,
                          {"d.csv": plan_rows(("urban_rural_construction_land", "大兴区",
                                               "2023", "400", "km²"),
                                              ("x" + OSC_TITLE.replace("\x07", "") + RLO,
                                               "大兴区", "2023", "1", "t"))}))
    for fmt in ("text", "json", "junit", "sarif"):
        cases.append(Case(f"analyze-format-{fmt}-injected-rule", (
            "analyze", "x.rules", "--format", fmt), 1, {"x.rules": rules(
                'rule R "::error file=x::owned" {\n'
                "  for each project\n  require land <= 5 km2\n}\n"
                "rule S {\n  for each project\n  require land >= 6 km2\n}\n")}))
    return cases


def _symlink_loop(path: Path) -> None:
    path.symlink_to(path.name)


def _fifo(path: Path) -> None:
    import os

    os.mkfifo(path)


CASES: list[Case] = [*_proposals(), *_json(), *_csv(), *_workbooks_and_parquet(),
                     *_plan_data(), *_rule_files(), *_options()]
assert len({c.id for c in CASES}) == len(CASES), "case ids are unique"
