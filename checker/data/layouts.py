"""Plan-data tables as execution reports and evaluation tables lay them out, made plain.

A published table is not a tidy one: a 序号 column, rows that are section headings
(`一、经济发展`) or totals (`合计`), an indicator named once for the several rows of a
merged cell, names that carry a footnote mark (`森林覆盖率*`, `城市绿化覆盖率①`) or their
unit (`PM2.5年均浓度（微克/立方米）`), a 完成情况 column beside the figures, and cells that
say there is no figure (`—`, `暂无`, `待统计`) or only words (`基本完成`). Each is read
for what it is, before the table is read as plan data, and said aloud: headings and totals
are counted in the table's note, a merged cell in warning D349, a gap in D346, an
attribute (属性) the catalogue does not share in D348. Nothing is dropped unsaid, and a
figure is never guessed: a gap stays a gap. Parquet tables (machine-written) are left
as they are.  Imports `headings`, `problems`, `tables`, `values`; pandas.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any, Final

import numpy as np
import pandas as pd

from checker.data.across import indicators_across, turned
from checker.data.headings import (
    HEADINGS,
    KIND_WORDS,
    VALUE_KINDS,
    change_heading,
    gap_cells,
    gap_word,
    period_heading,
)
from checker.data.periods import read_period
from checker.data.problems import Problems
from checker.data.tables import RawTable, blank_mask, cell_texts
from checker.data.wide_tables import report_gaps
from checker.types.indicator_names import IndicatorNames, name_key
from checker.types.typed import IndicatorSpec
from checker.types.units import UnitTable

ATTRIBUTES: Final = {"约束性": "binding", "预期性": "anticipatory", "binding": "binding",
                     "anticipatory": "anticipatory"}
_SECTION: Final = re.compile(r"[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|"
                             r"第[一二三四五六七八九十]+[部章节类]")
_TOTALS: Final = frozenset({"合计", "总计", "小计", "全区合计", "全区总计"})
# A region column's words for the whole district: its total row, or a table of the district.
REGION_TOTALS: Final = frozenset({"合计", "总计", "全区", "全区合计", "全区总计"})
# A region column's subtotal (`小计`): a sum of some regions above (a group of towns), not
# the district's figure and no region's own: set aside, counted and named in the note.
REGION_SUBTOTALS: Final = frozenset({"小计", "分计", "其中小计"})
_MARKS: Final = re.compile(r"(?:[*＊※△▲#＃]|[①-⑳]|[¹²³⁴-⁹]+|\[\d+\]|［\d+］|"
                           r"[(（]注\d*[)）]|注\d+)+$")
_UNIT_IN_NAME: Final = re.compile(r"(?P<name>.+?)[(（](?P<unit>[^()（）]+)[)）]")
_NUMBERED: Final = re.compile(r"^(?:\d+[.、．]|[(（]\d+[)）]|其中[:：]?|[#＃])\s*")


@dataclass
class Layout:
    """What reading the layout found: the table made plain, and what it set aside."""

    table: RawTable
    rows: int = 0  # the rows of the table as published
    headings: list[str] = field(default_factory=list)  # section headings, as written
    # total rows (`合计`, `小计`) as written, and the figures each gives: a sum of the rows
    # above, no indicator's own figure; counted and named in the table's note
    totals: list[tuple[str, int]] = field(default_factory=list)
    # `合计`/`全区` in a region column: the district's own figures, read as the plan's region
    region_totals: dict[str, int] = field(default_factory=dict)
    # `小计` in a region column: subtotals of some regions, rows not read (never the district)
    region_subtotals: dict[str, int] = field(default_factory=dict)
    gaps: dict[str, int] = field(default_factory=dict)  # a long table's no-figure words, rows
    footnotes: list[str] = field(default_factory=list)  # `注：…`, `数据来源：…` rows at the end
    # `年度目标 | 完成值`: how many rows gave which figures (`年度目标` and `完成值`: 4, …)
    per_row: list[tuple[str, int]] = field(default_factory=list)


def plain(table: RawTable, indicators: dict[str, IndicatorSpec], names: IndicatorNames,
          units: UnitTable, report: Problems, region: str | None = None) -> Layout:
    """`table` with its published layout read (see the module docstring); `region` (the
    plan's) is the region of a region column's total row (`合计`, `全区`)."""
    if table.format == "parquet":
        return Layout(table)
    table, subtotals = _region_subtotals(table)
    table, region_totals = _region_totals(table, region)
    layout = _plain(table, indicators, names, units, report)
    layout.region_totals = region_totals
    layout.region_subtotals = subtotals
    return layout


def _region_subtotals(table: RawTable) -> tuple[RawTable, dict[str, int]]:
    """Rows whose region is `小计`: the sum of a group of regions above it (the towns of one
    part of the district), so neither a region of its own nor the district (that is
    `合计`): not read, and how many rows of which word, for the note."""
    where = _columns_by_name(table)
    if "region" not in where:
        return table, {}
    column = table.columns[where["region"]]
    words = {value: _squeezed(str(value)) for value in column.dropna().unique().tolist()}
    found = {value: word for value, word in words.items() if word in REGION_SUBTOTALS}
    if not found:
        return table, {}
    aside = column.isin(list(found)).to_numpy(dtype=bool)
    said: dict[str, int] = {}
    for value, word in found.items():
        said[word] = said.get(word, 0) + int((column == value).sum())
    at = np.flatnonzero(~aside)
    return replace(table, columns=[c.iloc[at].reset_index(drop=True) for c in table.columns],
                   rows=table.rows[at]), said


def _region_totals(table: RawTable, region: str | None) -> tuple[RawTable, dict[str, int]]:
    """A row per town and a `合计` (or `全区`) row: the total row is the district's own
    figure, so its region is the plan's region; how many rows of which word, for the note.
    Without a plan's region the word stays (a region the suite does not check, said)."""
    where = _columns_by_name(table)
    if region is None or "region" not in where:
        return table, {}
    at = where["region"]
    column = table.columns[at]
    words = {value: _squeezed(str(value)) for value in column.dropna().unique().tolist()}
    totals = {value: word for value, word in words.items() if word in REGION_TOTALS}
    if not totals:  # a tidy export is tested on its distinct regions, not row by row
        return table, {}
    counts = column.value_counts(sort=False)
    said: dict[str, int] = {}
    for value, word in totals.items():
        said[word] = said.get(word, 0) + int(counts[value])
    read = column.astype(object).where(~column.isin(list(totals)), region)
    columns = [read if i == at else c for i, c in enumerate(table.columns)]
    return replace(table, columns=columns), said


def _squeezed(text: str) -> str:
    """`合 计` → `合计`: a cell NFKC-folded, without the spaces that space out a short word."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _plain(table: RawTable, indicators: dict[str, IndicatorSpec], names: IndicatorNames,
           units: UnitTable, report: Problems) -> Layout:
    where = _columns_by_name(table)
    if "indicator" not in where:
        if not indicators_across(table):
            return Layout(table)
        long, below, rows = turned(table, lambda h: _clean(h, indicators, names, units),
                                   report)
        return Layout(long, rows, footnotes=below)
    table = _year_status(_two_row_header(table, where["indicator"]))
    table = _column_numbers(table, where["indicator"], report)
    where = _columns_by_name(table)
    published, per_row = len(table), list[tuple[str, int]]()
    if "value" not in where and "kind" not in where:
        table, per_row = _by_kind(table)
        where = _columns_by_name(table)
    if _tidy(table, where, indicators, names):
        return Layout(table, published, per_row=per_row)
    columns = list(table.columns)
    name_at = where["indicator"]
    figures = ([where["value"]] if "value" in where else
               [i for i, h in enumerate(table.header) if period_heading(h) is not None])
    texts = [cell_texts(columns[i]) if i in (name_at, where.get("row_number"), where.get("unit"),
                                         where.get("value"), *figures) else []
             for i in range(len(columns))]
    filled = _filled_rows(texts, figures, len(table))
    layout = Layout(table, published, per_row=per_row)
    section = _section_rows(texts, filled, name_at, where.get("row_number"), figures, layout)
    totals = {row for row in np.flatnonzero(section).tolist()
              if _squeezed(texts[name_at][row]) in _TOTALS}
    layout.headings = [_as_written(columns, name_at, where.get("row_number"), row)
                       for row in np.flatnonzero(section).tolist() if row not in totals]
    layout.totals = [(_as_written(columns, name_at, where.get("row_number"), row), given)
                     for row, (_, given) in zip(sorted(totals), layout.totals, strict=True)]
    notes = _footnote_rows(texts, filled, name_at, where.get("row_number"))
    layout.footnotes = [_as_written(columns, name_at, where.get("row_number"), row)
                        for row in np.flatnonzero(notes).tolist()]
    section |= notes
    _carry_merged(table, columns, texts, filled, section, name_at, where.get("unit"), report)
    _read_names(table, columns, where, indicators, names, units, report)
    _title_unit(table, columns)
    _fold_status(table, columns, where)
    keep = ~section
    changes = [i for i, h in enumerate(table.header) if change_heading(h) is not None]
    if changes:
        pairs = _change_owners(table, changes, figures, report)
        for change in changes:  # read here (or said, D310): not read again as unknown ones
            table.header[change] = ""
        if pairs is None:
            columns = [pd.Series([None] * len(table), dtype=object) if i in changes else c
                       for i, c in enumerate(columns)]
            return Layout(replace(table, columns=columns), published, per_row=per_row)
        table, columns, keep = _change_rows(table, columns, pairs, figures, keep,
                                            indicators, names)
    if "value" in where:
        values = texts[where["value"]] if len(keep) == len(texts[where["value"]]) else \
            cell_texts(columns[where["value"]])  # rows of growth added
        keep &= ~_long_gaps(values, layout)
        _report_long_gaps(table, layout, report)
    if keep.all():
        layout.table = replace(table, columns=columns)
        return layout
    at = np.flatnonzero(keep)
    layout.table = replace(table, columns=[c.iloc[at].reset_index(drop=True) for c in columns],
                           rows=table.rows[at])
    return layout


def _tidy(table: RawTable, where: dict[str, int], indicators: dict[str, IndicatorSpec],
          names: IndicatorNames) -> bool:
    """Whether the table has none of a published layout's features, found from its distinct
    names and whole-column tests (a million-row export is read without a row-by-row pass)."""
    if table.title_unit is not None or any(k in where for k in ("row_number", "attribute",
                                                                   "status")):
        return False
    if any(change_heading(h) is not None or year_status(h) is not None for h in table.header):
        return False
    column = table.columns[where["indicator"]]
    if bool(blank_mask(column).any()):
        return False
    for unique in column.unique():
        name = str(unique).strip()
        if _known(name, indicators, names):
            continue
        folded = unicodedata.normalize("NFKC", name)
        if _SECTION.match(folded) or _squeezed(folded) in _TOTALS or _MARKS.search(name) \
                or _NUMBERED.match(name) or name.startswith("全区") or _FOOTNOTE.match(folded) \
                or _UNIT_IN_NAME.fullmatch(folded):
            return False
    if "value" in where:
        return not bool(gap_cells(table.columns[where["value"]]).any())
    return True


_STEMS: Final = "甲乙丙丁戊己庚辛壬癸"


def _column_numbers(table: RawTable, name_at: int, report: Problems) -> RawTable:
    """A statistical table's row of column numbers under its header (栏次: `甲 | 乙 | 1 | 2`):
    not a row of figures; skipped and said (D318)."""
    if not len(table):
        return table
    cells = [cell_texts(column.iloc[:1])[0] for column in table.columns]
    if cells[name_at] not in ("甲", "栏次") or not all(
            not c or c in _STEMS or c.isdigit() for i, c in enumerate(cells) if i != name_at):
        return table
    row = int(table.rows[0])
    report.add("D318", f"row {row} of `{table.display}` numbers the columns "
               f"(`{' | '.join(c for c in cells if c)}`): read as part of the header, not as a "
               "row", table.span(0, name_at), "delete the row if it holds figures",
               "column numbers", severity="warning")
    return replace(table, columns=[c.iloc[1:].reset_index(drop=True) for c in table.columns],
                   rows=table.rows[1:])


def _by_kind(table: RawTable) -> tuple[RawTable, list[tuple[str, int]]]:
    """`指标 | 年份 | 单位 | 年度目标 | 完成值`: a figure column per kind, read as one row per
    filled figure (value and kind), each in its row of the file; a row with neither keeps
    one row without a value (a heading, or D312). And how many rows gave which figures,
    for the table's note: its rows are counted as published."""
    at = [(i, VALUE_KINDS[h.strip()]) for i, h in enumerate(table.header)
          if h.strip() in VALUE_KINDS]
    if not at:
        return table, []
    blank = {i: blank_mask(table.columns[i]) for i, _ in at}
    order: list[int] = []
    source: list[int] = []
    gave: dict[tuple[int, ...], int] = {}
    for row in range(len(table)):
        filled = [i for i, _ in at if not blank[i][row]]
        if filled:
            gave[tuple(filled)] = gave.get(tuple(filled), 0) + 1
        for i in filled or [at[0][0]]:
            order.append(row)
            source.append(i)
    index = np.asarray(order, dtype=np.int64)
    kinds = dict(at)
    columns = [c.iloc[index].reset_index(drop=True).astype(object) for c in table.columns]
    first = at[0][0]
    columns[first] = pd.Series([table.columns[i].iloc[row] for row, i in
                                zip(order, source, strict=True)], dtype=object)
    header = list(table.header)
    header[first] = "value"
    for i, _ in at[1:]:
        header[i] = ""
        columns[i] = pd.Series([None] * len(index), dtype=object)
    header.append("kind")
    columns.append(pd.Series([kinds[i] for i in source], dtype=object))
    per_row = [(" and ".join(f"`{table.header[i].strip()}`" for i in filled)
                + (" only" if len(filled) < len(at) else ""), count)
               for filled, count in sorted(gave.items(), key=lambda g: (-len(g[0]), g[0]))]
    return replace(table, header=header, columns=columns, rows=table.rows[index]), per_row


_VALUE_WORDS: Final = frozenset({"绝对值", "总量", "数值", "数量", "值", "指标值"})
_BELOW_KINDS: Final = frozenset({*KIND_WORDS, "基期", "基数", "基期值", "预计", "预计完成",
                                 "规划目标", "预期目标"})


_MORE_KINDS: Final = {"执行": "actual", "实绩": "actual", "实际完成值": "actual",
                      "全年完成": "actual", "完成数值": "actual", "目标数": "target",
                      "计划数": "target", "年度计划目标": "target"}


def _below(year: str, word: str) -> str | None:
    """The heading a word of a header's second row makes under `year`: `目标` → `2022年目标`,
    `完成值`/`执行` → `2022年完成`, `绝对值` → `2024年`, `比上年增长(%)` →
    `2024年比上年增长(%)`, `完成情况` → `2022年完成情况` (read by `_year_status`); None for
    any other word."""
    if word in _BELOW_KINDS:
        return f"{year}{word}"
    if word in _VALUE_WORDS:
        return year
    kind = VALUE_KINDS.get(word) or _MORE_KINDS.get(word)
    if kind is not None:  # `年度目标 | 完成值`, `计划 | 执行` under a year
        return f"{year}{'目标' if kind == 'target' else '完成'}"
    if HEADINGS.get(word) == "status":
        return f"{year}{word}"  # the year's 完成情况: figures or words (`_year_status`)
    if change_heading(word) is not None and change_heading(f"{year}{word}") is not None:
        return f"{year}{word}"
    return None


def _two_row_header(table: RawTable, name_at: int) -> RawTable:
    """`指标 | 2022年 | (empty) ` over `(empty) | 目标 | 完成`: a year spanning two columns,
    the kinds below it. The two rows are read as one header (`2022年目标`, `2022年完成`) when
    the first data row names no indicator and says only such words (`_below`), each under a
    year or to the right of one."""
    if not len(table) or table.format == "parquet":
        return table
    below = [cell_texts(column.iloc[:1])[0] for column in table.columns]
    if below[name_at] or not any(below) or not all(
            not w or _below("2000年", w) is not None for w in below):
        return table
    header, year = list(table.header), None
    for index, heading in enumerate(table.header):
        period = period_heading(heading) if heading.strip() else None
        if period is not None:
            year = period[0]
        elif heading.strip():
            year = None
        if below[index]:
            made = _below(year, below[index]) if year is not None else None
            if made is None:
                return table  # a kind under no year: not a two-row header
            header[index] = made
    return replace(table, header=header, columns=[c.iloc[1:].reset_index(drop=True)
                                                  for c in table.columns],
                   rows=table.rows[1:])


_YEAR_STATUS: Final = re.compile(r"(?P<period>.+?)(?:完成情况|执行情况|完成状态)")


def year_status(heading: str) -> str | None:
    """`2022年完成情况` → `2022年`: a heading of a year's 完成情况, else None."""
    match = _YEAR_STATUS.fullmatch("".join(unicodedata.normalize("NFKC", heading).split()))
    if match is None or period_heading(match["period"]) != (match["period"], None):
        return None
    return match["period"]


def _year_status(table: RawTable) -> RawTable:
    """A year's 完成情况 column (`2022年完成情况`, or `完成情况` under `2022年`): the year's
    figures when a cell of it holds a digit and the year has no other actual column (a
    report's `2022年目标 | 2022年完成情况` of `32`, `3`), read as `2022年完成`; otherwise the
    report's words on each row (完成/未完成), kept in its note by `_fold_status`."""
    header = list(table.header)
    actual = {p[0] for h in header if (p := period_heading(h)) is not None and p[1] != "target"}
    for at, heading in enumerate(header):
        period = year_status(heading)
        if period is None or period in actual:
            continue
        if any(any(c.isdigit() for c in text) for text in cell_texts(table.columns[at])):
            header[at] = f"{period}完成"
            actual.add(period)
    return replace(table, header=header) if header != table.header else table


def _change_owners(table: RawTable, changes: list[int], figures: list[int],
                   report: Problems) -> dict[int, tuple[int, str]] | None:
    """Which figure column each change column (`比上年增长(%)`, `增量`) is the change of:
    the one its heading names (`2024年增速`), else the nearest to its left (a bulletin's
    `2023年 | 比上年增长(%) | 2024年 | 比上年增长(%)`), else the table's only one. None
    after D310 when a change column has no such column, or shares one with another of its
    kind."""
    owners: dict[int, tuple[int, str]] = {}
    claimed: dict[tuple[int, str], int] = {}
    years = {i: period_heading(table.header[i]) for i in figures}
    for at in changes:
        kind, named = change_heading(table.header[at]) or ("growth", None)
        if named is not None:
            period = period_heading(named)
            owner = next((i for i in figures if years[i] is not None and period is not None
                          and years[i] == (period[0], None)), None)
            why = f"it names `{named}`, and the table has no column `{named}`"
        elif len(figures) == 1:
            owner, why = figures[0], ""
        else:
            owner, why = _left_owner(table, at, figures, changes, kind)
        if owner is not None and (owner, kind) in claimed:
            why = (f"`{table.header[claimed[owner, kind]]}` already gives the change of "
                   f"`{table.header[owner]}`")
            owner = None
        if owner is None:
            report.add("D310", f"column `{table.header[at]}` gives a change but not of which "
                       f"year: {why}", table.span(None, at),
                       "put each year's growth column right after the year's column "
                       "(`2023年 | 比上年增长(%) | 2024年 | 比上年增长(%)`), or give the growth "
                       "as rows of the growth indicator (地区生产总值增速) with the years across",
                       "growth of which year")
            continue
        claimed[owner, kind] = at
        owners[at] = owner, kind
    return owners if len(owners) == len(changes) else None


def _change_kind(heading: str) -> str | None:
    found = change_heading(heading)
    return None if found is None else found[0]


def _left_owner(table: RawTable, at: int, figures: list[int], changes: list[int],
                kind: str) -> tuple[int | None, str]:
    """The figure column a change column stands after: the one figure column since the
    last change column of its kind, or of two there (`2023年 | 2024年 | 增长`, in either
    order: `本年 | 上年 | 增长`) the later year when they are a year and the one before."""
    since = max((c for c in changes if c < at and _change_kind(table.header[c]) == kind),
                default=-1)
    left = [i for i in figures if since < i < at]
    shown = ", ".join(f"`{table.header[i]}`" for i in left)
    if not left:
        listed = ", ".join(f"`{table.header[i]}`" for i in figures)
        return None, (f"no year stands to its left, and the table has {len(figures)} years "
                      f"({listed})")
    if len(left) == 1:
        return left[0], ""
    periods = [period_heading(table.header[i]) for i in left]
    years = [read_period(p[0]) if p is not None and p[1] is None else None for p in periods]
    if len(left) == 2 and all(y is not None and y.annual for y in years):
        first, second = (y.year for y in years if y is not None)
        if abs(first - second) == 1:
            return left[0] if first > second else left[1], ""
    return None, (f"the {len(left)} years left of it ({shown}) are not a year and the one "
                  "before")


def _change_rows(table: RawTable, columns: list[pd.Series[Any]],
                 owners: dict[int, tuple[int, str]], figures: list[int],
                 keep: np.ndarray[Any, np.dtype[np.bool_]],
                 indicators: dict[str, IndicatorSpec], names: IndicatorNames,
                 ) -> tuple[RawTable, list[pd.Series[Any]], np.ndarray[Any, np.dtype[np.bool_]]]:
    """A bulletin's `指标 | 单位 | 2024年 | 比上年增长(%)`: each growth cell is a figure of the
    row's growth rate (`地区生产总值` → `gdp_growth`, in %), in the year of the column it
    is the change of; an increase (`增量`) is `<name>增量`, in the row's unit. One row of
    its own per level row and kind, after the level's row and in its row of the file, with
    each change cell under its year (the table's other figure columns left empty)."""
    where = _columns_by_name(table)
    texts = {at: cell_texts(columns[at]) for at in owners}
    kinds = sorted({kind for _, kind in owners.values()})
    order: list[int] = []
    extra: list[str | None] = []
    for row in range(len(table)):
        order.append(row)
        extra.append(None)
        for kind in kinds:
            if keep[row] and any(texts[at][row] for at, (_, k) in owners.items() if k == kind):
                order.append(row)
                extra.append(kind)
    index = np.asarray(order, dtype=np.int64)
    out = [c.iloc[index].reset_index(drop=True).astype(object) for c in columns]
    for position, made in enumerate(extra):
        if made is None:
            continue
        row = int(index[position])
        level = str(out[where["indicator"]].iloc[position])
        out[where["indicator"]].iloc[position] = (_rate_of(level, indicators, names)
                                                  if made == "growth" else
                                                  f"{level.strip()}增量")
        mine = {owner: at for at, (owner, k) in owners.items() if k == made}
        for figure in figures:
            out[figure].iloc[position] = (columns[mine[figure]].iloc[row] if figure in mine
                                          else None)
        if made == "growth" and "unit" in where:
            out[where["unit"]].iloc[position] = "%"
    for at in owners:  # read: the columns say nothing more
        out[at] = pd.Series([None] * len(index), dtype=object)
    grown = replace(table, header=list(table.header), columns=out, rows=table.rows[index])
    return grown, out, keep[index]


def _rate_of(level: str, indicators: dict[str, IndicatorSpec], names: IndicatorNames) -> str:
    """The growth rate's name for a level's row: the catalogued `growth of` it, else
    `<level>增速` (outside the catalogue unless a name)."""
    ident = level.strip() if level.strip() in indicators else names.find(level)
    key = name_key(level)
    for spec in indicators.values():
        if (ident is not None and spec.growth_of == ident) or (
                spec.rate_of is not None and name_key(spec.rate_of) == key):
            return spec.id
    return f"{level.strip()}增速"


def _columns_by_name(table: RawTable) -> dict[str, int]:
    """Each heading's column, under its English name where it is a known heading."""
    return {HEADINGS.get(h.strip(), h.strip()): i for i, h in enumerate(table.header)}



def _filled_rows(texts: list[list[str]], figures: list[int],
                 count: int) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Rows with something in a figure's cell (a value, or a word such as `—`)."""
    filled = np.zeros(count, dtype=bool)
    for index in figures:
        filled |= np.array([bool(t) for t in texts[index]], dtype=bool)
    return filled


def _section_rows(texts: list[list[str]], filled: np.ndarray[Any, np.dtype[np.bool_]],
                  name_at: int, number_at: int | None, figures: list[int],
                  layout: Layout) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Rows that head a section (`一、经济发展`) or add others up (`合计`): not an indicator's
    figures. A total row's figures are counted (`layout.totals`): the note names the row
    and how many figures it gave, so none goes unsaid."""
    count = len(filled)
    section = np.zeros(count, dtype=bool)
    for row in range(count):
        name = texts[name_at][row]
        number = texts[number_at][row] if number_at is not None else ""
        heading = name or number
        if _squeezed(name) in _TOTALS:
            section[row] = True
            given = sum(1 for at in figures if texts[at][row] and gap_word(texts[at][row]) is None)
            layout.totals.append((name, given))
        elif not filled[row] and (
                _SECTION.match(heading) or (not name and number and not number.isdigit())):
            section[row] = True
            layout.headings.append(heading)
    return section


_FOOTNOTE: Final = re.compile(r"(?:注|附注|说明|备注|数据来源|资料来源|来源)\s*\d*\s*[:：]|"
                              r"注\d*[.、]")


def _footnote_rows(texts: list[list[str]], filled: np.ndarray[Any, np.dtype[np.bool_]],
                   name_at: int, number_at: int | None) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """The notes under a table (`注：1.…`, `2.…`, `数据来源：…`): from the first row that
    opens with such a word and gives no figure, every later row that gives none."""
    notes = np.zeros(len(filled), dtype=bool)
    started = False
    for row in range(len(filled)):
        said = texts[name_at][row] or (texts[number_at][row] if number_at is not None else "")
        if not filled[row] and (started or _FOOTNOTE.match(said)):
            started = True
            notes[row] = bool(said) or started
    return notes


def _as_written(columns: list[pd.Series[Any]], name_at: int, number_at: int | None,
                row: int) -> str:
    for at in (name_at, *(() if number_at is None else (number_at,))):
        value = columns[at].iloc[row]
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _carry_merged(table: RawTable, columns: list[pd.Series[Any]], texts: list[list[str]],
                  filled: np.ndarray[Any, np.dtype[np.bool_]],
                  section: np.ndarray[Any, np.dtype[np.bool_]], name_at: int,
                  unit_at: int | None, report: Problems) -> None:
    """A figure whose indicator cell is empty takes the indicator (and unit) of the row
    above, as a merged cell does; said in D349. A section heading ends a merged cell."""
    names, last = texts[name_at], ""
    carried: list[int] = []
    for row, name in enumerate(names):
        if section[row]:
            last = ""
        elif name:
            last = name
        elif filled[row] and last:
            carried.append(row)
            names[row] = last
    if not carried:
        return
    for at in (name_at, *(() if unit_at is None else (unit_at,))):
        column = columns[at].astype(object).copy()
        for row in carried:
            if at == name_at or not texts[at][row]:
                column.iloc[row] = column.iloc[row - 1]
                texts[at][row] = texts[at][row - 1]
        columns[at] = column
    one = len(carried) == 1
    report.add("D349", f"{len(carried)} row{'' if one else 's'} of `{table.display}` "
               f"{'has' if one else 'have'} no indicator and {'takes' if one else 'take'} "
               f"the one of the row above (a merged cell): `{names[carried[0]]}`",
               table.span(carried[0], name_at),
               "write the indicator in every row if the cell was not merged",
               "merged cell", severity="warning")


def _read_names(table: RawTable, columns: list[pd.Series[Any]], where: dict[str, int],
                indicators: dict[str, IndicatorSpec], names: IndicatorNames, units: UnitTable,
                report: Problems) -> None:
    """Names with a footnote mark or their unit in brackets, read as the name (and the
    unit); the attribute (属性) compared with the catalogue's kind."""
    name_at, unit_at = where["indicator"], where.get("unit")
    raw = columns[name_at].astype(object).copy()
    unit = columns[unit_at].astype(object).copy() if unit_at is not None else None
    attribute = columns[where["attribute"]] if "attribute" in where else None
    changed = False
    for row, cell in enumerate(raw.tolist()):
        if not isinstance(cell, str) or _known(cell, indicators, names):
            continue
        name, written_unit = _clean(cell, indicators, names, units)
        if name == cell.strip():
            continue
        raw.iloc[row], changed = name, True
        if written_unit is None:
            continue
        if unit is None:
            unit = pd.Series([None] * len(raw), dtype=object)
        here = unit.iloc[row]
        if here is None or (isinstance(here, float) and np.isnan(here)) or not str(here).strip():
            unit.iloc[row] = written_unit
        elif units.resolve(str(here).strip()) != units.resolve(written_unit):
            report.add("D311", f"the unit is given twice: `{written_unit}` in the name "
                       f"`{cell}` and `{here}` in the `unit` column",
                       table.span(row, unit_at if unit_at is not None else name_at),
                       "keep one: write the unit in the `unit` column only", "unit given twice")
    if changed:
        columns[name_at] = raw
    if unit is not None:
        if unit_at is None:
            table.header.append("unit")
            columns.append(unit)
        else:
            columns[unit_at] = unit
    if attribute is not None:
        _compare_attributes(table, raw, attribute, where["attribute"], indicators, names,
                            report)


def _title_unit(table: RawTable, columns: list[pd.Series[Any]]) -> None:
    """A title row's `单位：亿元` is the unit of each row that gives none (said in D318)."""
    if table.title_unit is None:
        return
    where = _columns_by_name(table)
    if "unit" not in where:
        table.header.append("unit")
        columns.append(pd.Series([table.title_unit] * len(table), dtype=object))
        return
    at = where["unit"]
    blank = blank_mask(columns[at])
    columns[at] = columns[at].astype(object).where(~blank, table.title_unit)


def _known(name: str, indicators: dict[str, IndicatorSpec], names: IndicatorNames) -> bool:
    return name.strip() in indicators or names.find(name) is not None


def _clean(cell: str, indicators: dict[str, IndicatorSpec], names: IndicatorNames,
           units: UnitTable) -> tuple[str, str | None]:
    """The name in `cell` without footnote marks, a leading number or 全区, and the unit it
    carries in brackets (`一般公共预算收入(亿元)`) when that is a unit; `cell` itself (and no
    unit) when nothing is to be taken off. A name outside the catalogue is cleaned too, so
    the notes name it as a reader would."""
    text = _MARKS.sub("", cell.strip()).strip()
    text = _MARKS.sub("", _NUMBERED.sub("", text, count=1)).strip() or text
    if _known(text, indicators, names):
        return text, None
    match = _UNIT_IN_NAME.fullmatch(unicodedata.normalize("NFKC", text))
    if match is not None and units.resolve(match["unit"].strip()) is not None:
        name = _MARKS.sub("", match["name"]).strip()
        return _district_wide(name, indicators, names), match["unit"].strip()
    return _district_wide(text, indicators, names), None


def _district_wide(name: str, indicators: dict[str, IndicatorSpec],
                   names: IndicatorNames) -> str:
    """`全区森林覆盖率` is the district's 森林覆盖率: the prefix goes when the rest is a name."""
    rest = name.removeprefix("全区")
    return rest if rest != name and _known(rest, indicators, names) else name


def _compare_attributes(table: RawTable, raw: pd.Series[Any], attribute: pd.Series[Any],
                        at: int, indicators: dict[str, IndicatorSpec], names: IndicatorNames,
                        report: Problems) -> None:
    """An attribute (约束性/预期性) other than the catalogue's kind, or no such word: D348."""
    for row, (name, word) in enumerate(zip(raw.tolist(), attribute.tolist(), strict=True)):
        if not isinstance(word, str) or not word.strip() or not isinstance(name, str):
            continue
        ident = name.strip() if name.strip() in indicators else names.find(name)
        if ident is None:
            continue
        kind = ATTRIBUTES.get(unicodedata.normalize("NFKC", word).strip())
        spec = indicators[ident]
        if kind == spec.kind:
            continue
        said = ("is neither 约束性 (binding) nor 预期性 (anticipatory)" if kind is None else
                f"says {kind}, but the catalogue has `{ident}` as {spec.kind}")
        report.add("D348", f"the attribute `{word.strip()}` of `{name.strip()}` {said}",
                   table.span(row, at), "the catalogue's kind is the one rules use; "
                   "correct the table or the indicator's `kind`", "attribute",
                   severity="warning")


def _fold_status(table: RawTable, columns: list[pd.Series[Any]], where: dict[str, int]) -> None:
    """A 属性 column (约束性/预期性) and a 完成情况 column (完成/超额完成/未完成/达到序时进度)
    are the report's own words on each row: kept in its note (`属性：约束性；完成情况：未完成`),
    before the row's own note. The first of them becomes `note` when the table has none."""
    said = [at for at, h in enumerate(table.header)
            if HEADINGS.get(h.strip()) in ("attribute", "status") or year_status(h) is not None]
    if not said:
        return
    words: list[list[str]] = [[] for _ in range(len(table))]
    for at in said:
        heading = table.header[at].strip()
        for row, (value, blank) in enumerate(zip(columns[at].tolist(),
                                                 blank_mask(columns[at]).tolist(), strict=True)):
            if not blank:
                words[row].append(f"{heading}：{str(value).strip()}")
    if "note" in where:
        note = columns[where["note"]]
        for row, (value, blank) in enumerate(zip(note.tolist(), blank_mask(note).tolist(),
                                                 strict=True)):
            if not blank:
                words[row].append(str(value).strip())
        at = where["note"]
    else:
        at = said[0]
        table.header[at] = "note"
    columns[at] = pd.Series(["；".join(w) if w else None for w in words], dtype=object)
    for other in said:
        if other != at:  # said in the note: a column of nothing, and of no name
            table.header[other] = ""
            columns[other] = pd.Series([None] * len(table), dtype=object)


def _long_gaps(values: list[str], layout: Layout) -> np.ndarray[Any, np.dtype[np.bool_]]:
    words = [gap_word(v) for v in values]
    for word in words:
        if word is not None:
            layout.gaps[word] = layout.gaps.get(word, 0) + 1
    return np.array([w is not None for w in words], dtype=bool)


def _report_long_gaps(table: RawTable, layout: Layout, report: Problems) -> None:
    report_gaps(f"row{{s}} of `{table.display}`", layout.gaps, table.header_span(), report,
                "no figure")
