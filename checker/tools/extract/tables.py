"""Tables: a table laid out one cell per line -> what each value line is.

In: the lines of a document (folded).  Out: for each line that is a value cell of a
table whose header names its columns (`指标`, `单位`, `2020年`, `2025年`, `属性`), a
`Cell`: the indicator the row names, the unit of the row (its `单位` cell or the
`(%)` of its name), the year of the column and whether that column is a target or
a base.  Web pages and copied PDFs give a plan's indicator table this way: one cell
a line, a category cell only on the first row of its group.  Only a header that
names a year or target column and an indicator column is read as one; rows end at
their `预期性`/`约束性` cell when the header has `属性`, else after as many cells as
the header has.  Imports nothing of the package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

MAX_CELL = 24  # characters of a header cell
_YEAR_COLUMN = re.compile(r"^(?:(?P<year>(?:19|20)\d\d)年?(?:底|末)?)?\s*"
                          r"(?P<word>目标值?|规划目标|期末目标|预期目标|基期值?|现状值?|实际值?|"
                          r"完成值?|完成情况|预计值?|预计完成值?|预计完成|基数|基准值?)?(?:\((?:目标|基期)\))?$")
_NAME_COLUMN = re.compile(r"^(?:主要)?指标(?:名称)?$|^指\s*标$|^项目$")
_UNIT_COLUMN = re.compile(r"^(?:计量)?单位$")
_ATTR_COLUMN = re.compile(r"^(?:指标)?属性$|^指标性质$|^性质$")
# `“十四五”目标` over `2025年 | 年均[累计]`: a cell that spans the target columns under it
_GROUP_COLUMN = re.compile(r"^“?十[一二三四五]五”?(?:规划)?目标$")
_SKIP_COLUMN = re.compile(r"^(?:类别|领域|序号|分类|类型|维度|编号|备注)$")
# `年均增长(%)`: the plan's yearly growth, a target of the plan's last year, a rise.
_GROWTH_COLUMN = re.compile(r"^(?:年均增长|年均增速|年均增长率)(?:\(%\))?$")
# `〔累计〕`, `年均/累计`: a plan's change over its years (`〔18〕` of a row `…浓度下降(%)`,
# `>7` of `…增长(%)`), in the place of a target: a target of the plan's last year, as the
# latest year's column is.
_SUM_COLUMN = re.compile(r"^(?:年均(?:增长|增速|增)?率?/?)?(?:[5五]年|“?十[一二三四五]五”?)?累计$")
_ATTR = re.compile(r"^(?:预期性|约束性|预期|约束)$")
# a value cell: a number with its bound (`≥32`, `6左右`), maybe words after it (`>7、力争投入
# 强度高于“十三五”时期实际`), an empty cell (`—`), or a number in brackets (`〔13.5〕`)
_VALUE = re.compile(r"^[≥≤><约]?\s*[\d.]+(?:\s*[-~—至]\s*[\d.]+)?\s*[%‰]?"
                    r"(?:左右|以上|以下|以内)?(?:[、,，;；].*)?$|^[—\-/–]+$|^[〔\[]?\d|^[〔\[][^〕\]]{0,12}\d")
_EMPTY = re.compile(r"^[—\-/–]+$|^一$")  # `一`: a dash typed as the numeral
_SENTENCE = re.compile(r"[。;；,，!?！？]")
_UNIT_LIKE = re.compile(r"^(?:[%‰]|[^\s/]{1,5}/[^\s/]{1,5}|(?:万|亿|千|百)?(?:元|人|个|所|家|"
                        r"平方米|平方公里|公里|米|吨|立方米|岁|年|天|小时|分钟|张|户|套|辆|亩|公顷|"
                        r"千瓦时?|人次|项|处|座|条|标准煤|吨标准煤))$")
_PAREN_UNIT = re.compile(r"^(?P<name>.+?)\s*[(（](?P<unit>[^()（）]{1,10})[)）]$")


def _split_unit(name: str) -> tuple[str, str]:
    """`地区生产总值(亿元)` -> the name and the unit it carries in brackets, else `(name, "")`."""
    paren = _PAREN_UNIT.match(name)
    return (paren.group("name"), paren.group("unit")) if paren else (name, "")


@dataclass(frozen=True)
class Cell:
    kind: str  # target | actual | other (a row's number) | header (a column's name) | gap
    # (a change column's cell in a row whose target column states the target)
    name: str
    unit: str  # as written, or ''
    year: int | None
    change: str = ""  # `increase` for a cell of a yearly-growth column


@dataclass(frozen=True)
class _Column:
    role: str  # name | unit | value | attr | skip | sub (a sub-column of a reached value)
    year: int | None = None
    target: bool = False
    base: bool = False  # 基期, 现状, 实际, 完成: a value reached
    cumulative: bool = False  # 〔累计〕: a change over the plan's years, a target
    growth: bool = False  # 年均增长: a yearly rise over the plan's years, a target
    # 完成情况 over 年度目标 (a completion table): a year's result beside its target
    reached: bool = False
    group: bool = False  # a cell spanning the value columns after it (no column of its own)
    note: bool = False  # `备注`: in a completion table, the amount behind a row's rate


_SEPARATOR = re.compile(r"[ \t]*\|[ \t]*|\t+[ \t]*|[ \t]{2,}|(?<=\S) (?=\S)")
_RULE = re.compile(r"^[\s|:=+]*[-—]{3,}[\s|:\-—=+]*$")  # `|---|---|` under a header


def split_rows(text: str) -> str:
    """The text with the cells of a table laid out one row a line (cells apart by tabs,
    by `|`, or by spaces as a PDF's text gives them: `1 全区生产总值(亿元) 1000 1008.5 完成`)
    one cell a line, when a line of column names heads it and rows of as many cells (or
    one or two fewer, the leading ones) follow; the same length, so every offset stays."""
    lines = text.split("\n")
    chars = list(text)
    at = 0
    starts = []
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    index = 0
    while index < len(lines):
        header = _row_cells(lines[index])
        if len(header) < 3 or not _names_columns([c for _, _, c in header]):
            index += 1
            continue
        rows = []
        following = index + 1
        while following < len(lines):
            if _RULE.match(lines[following]):
                following += 1
                continue
            row = _row_cells(lines[following])
            # a row may lack its leading cells (a category only its group's first row has)
            if not len(header) - 2 <= len(row) <= len(header) or len(row) < 3 or \
                    not any(_VALUE.match(c) for _, _, c in row):
                break
            rows.append(following)
            following += 1
        if rows:
            for at_line in [index, *rows]:
                line = lines[at_line]
                for start, end in _gaps(line):
                    edge = not line[:start].strip() or not line[end:].strip()  # a border
                    chars[starts[at_line] + start:starts[at_line] + end] = \
                        (" " if edge else "\n") + " " * (end - start - 1)
        index = following
    return "".join(chars)


_WIDE_GAP = re.compile(r"[ \t\u3000]{2,}")


def split_flat(text: str) -> str:
    """The text with a completion table flattened into a paragraph (`…(见表1)   表1:…   序号
    指标名称   属性   完成情况   年度目标   绝对值   同比增长   1   地区生产总值   …`, a page that
    lost its line ends) laid out one cell a line: from a run of column names that heads a
    completion table to the first cell that is a sentence; the same length."""
    chars = list(text)
    at = 0
    for line in text.split("\n"):
        if len(line) > 120 and _WIDE_GAP.search(line):
            for start, end in _flat_gaps(line):
                chars[at + start:at + end] = "\n" + " " * (end - start - 1)
        at += len(line) + 1
    return "".join(chars)


def _flat_gaps(line: str) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int, str]] = []  # (start of the gap before, end of it, cell)
    last = 0
    for gap in [*_WIDE_GAP.finditer(line)]:
        pieces.append((last, gap.start(), line[last:gap.start()]))
        last = gap.end()
    pieces.append((last, len(line), line[last:]))
    for first in range(len(pieces)):
        header = []
        for piece in pieces[first:]:
            column = _column(piece[2]) if len(piece[2]) <= MAX_CELL else None
            if column is None:
                break
            header.append(column)
        if len(header) < 3 or not _completion(header) or \
                not any(c.role == "name" for c in header):
            continue
        end = first + len(header)
        while end < len(pieces) and len(pieces[end][2]) <= 40 and "。" not in pieces[end][2]:
            end += 1
        # the gaps before the header, between its cells and the rows', and after the last
        return [(pieces[k - 1][1], pieces[k][0]) for k in range(max(first, 1), min(end + 1,
                                                                                    len(pieces)))]
    return []


def _row_cells(line: str) -> list[tuple[int, int, str]]:
    """The cells of a line split at its gaps (a year and its `年…` kept together)."""
    cells_: list[tuple[int, int, str]] = []
    at = 0
    for start, end in [*_gaps(line), (len(line), len(line))]:
        piece = line[at:start]
        if piece.strip():
            cells_.append((at, start, piece.strip()))
        at = end
    return cells_


def _gaps(line: str) -> list[tuple[int, int]]:
    stripped = line.strip()
    if not stripped or _SENTENCE.search(stripped) or len(stripped) > 120:
        return []
    lead = len(line) - len(line.lstrip())
    wide = "\t" in line or "|" in stripped or "  " in stripped
    gaps = []
    for found in _SEPARATOR.finditer(line, lead, lead + len(stripped)):
        text = found.group()
        if wide and text == " ":
            continue  # spaces inside a cell of a table apart by tabs or `|`
        after = line[found.end():found.end() + 1]
        before = line[max(0, found.start() - 4):found.start()]
        if after == "年" and re.fullmatch(r"(?:19|20)\d\d", before):
            continue  # `2020 年目标值`: one cell
        gaps.append((found.start(), found.end()))
    return gaps


def _names_columns(texts: list[str]) -> bool:
    columns = [_column(t) for t in texts]
    if any(c is None for c in columns):
        return False
    roles = [c.role for c in columns if c is not None]
    return "name" in roles and "value" in roles


def cells(lines: list[str]) -> dict[int, Cell]:
    """The value cells of every cell-per-line table, by line index (0-based).  A page that
    puts a blank line between cells (`指标`, ``, `单位`, ``, `全年目标`, …) is read a second
    time without its blank lines, for the tables whose header is so spaced."""
    found = _cells(lines, None)
    keep = [k for k, text in enumerate(lines) if text.strip()]
    if len(keep) < len(lines):
        spaced = [k > 0 and keep[k] - keep[k - 1] > 1 for k in range(len(keep))]
        for at, cell in _cells([lines[k] for k in keep], spaced).items():
            found.setdefault(keep[at], cell)
    return found


def _cells(lines: list[str], spaced: list[bool] | None) -> dict[int, Cell]:
    found: dict[int, Cell] = {}
    index = 0
    while index < len(lines):
        header = _header(lines, index)
        if header is not None and spaced is not None and \
                not all(spaced[at] for at in range(index + 1, header[1])):
            header = None  # a table of its own lines: the first reading has it
        if header is None:
            index += 1
            continue
        columns, after = header
        for at in range(index, after):  # a note's mark in a column's name is no figure
            found[at] = Cell("header", "", "", None)
        if _completion(columns) and not re.fullmatch(r"\d{1,3}\.?", _cell_text(
                lines[after]) if after < len(lines) else ""):
            index = _loose_rows(lines, after, columns, found)
        elif _completion(columns):
            index = _completion_rows(lines, after, columns, found)
        else:
            index = _rows(lines, after, columns, found)
    return found


def _header(lines: list[str], start: int) -> tuple[list[_Column], int] | None:
    """The columns of a header that starts at `start`, and the index after it."""
    columns: list[_Column] = []
    index = start
    while index < len(lines):
        text = _cell_text(lines[index])
        if not text and "|" in lines[index] and columns:
            index += 1  # `|` alone: the place a spanning cell leaves, or a rule `||||`
            continue
        column = _column(text) if text and len(text) <= MAX_CELL else None
        if column is None:
            break
        columns.append(column)
        index += 1
    columns = [c for k, c in enumerate(columns)
               if not (c.group and any(d.role == "value" for d in columns[k + 1:]))]
    roles = [c.role for c in columns]
    values = [c for c in columns if c.role == "value"]
    if any(c.reached and c.base for c in columns):  # `预期目标` beside `实际完成`: the year's
        columns = [replace(c, reached=True) if c.role == "value" and c.target and  # target
                   c.year is None and not c.cumulative else c for c in columns]
    if "name" in roles and _completion(columns):
        return columns, index
    if "sub" in roles:
        return None
    if "name" not in roles or not values or roles.index("name") > roles.index("value"):
        return None
    if not any(c.target and not c.cumulative for c in values):
        # else the latest year not named a base
        open_ = [c for c in values if c.year is not None and not c.base]
        if not open_:
            return None
        latest = max(open_, key=lambda c: c.year or 0)
        columns = [_Column(c.role, c.year, c is latest or c.cumulative, c.base, c.cumulative,
                           c.growth) for c in columns]
    last = max((c.year for c in values if c.year is not None), default=None)
    columns = [_Column(c.role, last, True, False, True, c.growth) if c.cumulative else c
               for c in columns]
    return columns, index


def _cell_text(line: str) -> str:
    """A cell's words without the `|` a copy left after (or before) it (`指标 |`, `>6.5 |`)."""
    return line.strip().strip("|").strip()


# A completion table (an execution report's `完成情况 | 年度目标`, the first over `绝对值 |
# 同比增长`): the year's result, then the target the year set, row by row.
_REACHED_COLUMN = re.compile(r"^(?:完成情况|执行情况|实际完成|完成数|实际执行)$")
_YEAR_TARGET_COLUMN = re.compile(r"^(?:(?:年度|全年|年初)(?:目标|计划|预期目标)|计划目标|"
                                 r"年度计划目标)$")
_SUB_COLUMN = re.compile(r"^(?:绝对值|总量|数值|完成值|同比增长|同比增减|同比|比上年增长|增长|"
                         r"增速|增幅)(?:\(%\))?$")
# a growth cell: a signed rate, an empty cell or a note in brackets (`(统计口径调整)`)
_GROWTH_CELL = re.compile(r"^[-−+]?[\d.]+\s*%$|^[—\-/–]+$|^[(（][^()（）]*[)）]$")

# `2020年基期值(起始日期用作比较的数据)`: a note on what a column holds.
_COLUMN_NOTE = re.compile(r"\([^()]{4,24}\)$")


def _column(text: str) -> _Column | None:
    text = text.replace(" ", "").replace("\u3000", "")
    if _COLUMN_NOTE.search(text):  # `年均增(5年累计)`: the note says the column's kind
        bare = re.sub(r"[()]", "", text)
        text = bare if _SUM_COLUMN.match(bare) else _COLUMN_NOTE.sub("", text)
    # brackets and a note's mark (`〔累计〕1`, `2025年2`) are no part of a column's name
    text = re.sub(r"(?<=[\u4e00-\u9fff])[\d\"'*]{1,2}$", "", re.sub(r"[〔〕【】\[\]]", "", text))
    if _REACHED_COLUMN.match(text):
        return _Column("value", None, False, True, reached=True)
    if _GROUP_COLUMN.match(text):
        return _Column("value", None, True, group=True)
    if _YEAR_TARGET_COLUMN.match(text):
        return _Column("value", None, True, reached=True)
    if _SUB_COLUMN.match(text):
        return _Column("sub", growth=not text.startswith(("绝对", "总量", "数值", "完成值")))
    if _SUM_COLUMN.match(text):
        return _Column("value", None, True, False, True)
    if _GROWTH_COLUMN.match(text):
        return _Column("value", None, True, False, True, True)
    if _NAME_COLUMN.match(text):
        return _Column("name")
    if _UNIT_COLUMN.match(text):
        return _Column("unit")
    if _ATTR_COLUMN.match(text):
        return _Column("attr")
    if _SKIP_COLUMN.match(text):
        return _Column("skip", note=text == "备注")
    found = _YEAR_COLUMN.match(text)
    if found and (found.group("year") or found.group("word")):
        word = found.group("word") or ""
        year = int(found.group("year")) if found.group("year") else None
        target = "目标" in word or "预期" in word
        return _Column("value", year, target, bool(word) and not target)
    return None


def _rows(lines: list[str], index: int, columns: list[_Column],
          found: dict[int, Cell]) -> int:
    """Read rows after a header; return the index of the first line that is no cell.
    A row ends at its `预期性`/`约束性` cell when the header ends with `属性`, else after
    as many cells as the header has; its cells are matched to the columns from the
    right, so a category cell that only the first row of a group has does no harm."""
    first_value = next(k for k, c in enumerate(columns) if c.role == "value")
    name_at = max(k for k, c in enumerate(columns[:first_value]) if c.role == "name")
    tail = columns[name_at + 1:]
    width = len([c for c in columns[:name_at] if c.role == "skip"]) + 1 + len(tail)
    ends_with_attr = bool(tail) and tail[-1].role == "attr"
    row: list[int] = []
    while index < len(lines):
        text = _cell_text(lines[index])
        if _RULE.match(text):
            index += 1
            continue
        if not text and "||" in lines[index]:
            index += 1  # a rule of pipes under the header
            continue
        if not text or len(text) > 40 or (_SENTENCE.search(text) and not row):
            break
        row.append(index)
        index += 1
        if (ends_with_attr and _ATTR.match(text)) or \
                (not ends_with_attr and len(row) >= width):
            _read_row(lines, row, tail, found)
            row = []
    # the last row of an excerpt cut inside its `约束性` cell (`约`) is a row still
    if ends_with_attr and len(row) > len(tail) and not _VALUE.match(_cell_text(lines[row[-1]])):
        _read_row(lines, row, tail, found)
    return index


def _read_row(lines: list[str], row: list[int], tail: list[_Column],
              found: dict[int, Cell]) -> None:
    texts = [_cell_text(lines[i]) for i in row]
    if len(texts) < len(tail) + 1:
        return
    at = len(texts) - len(tail)
    name, unit = texts[at - 1], ""
    if _UNIT_LIKE.match(name) and at >= 2:  # a unit cell the header does not name
        name, unit = texts[at - 2], name
    name = re.sub(r"^\d{1,2}[.、](?!\d)\s*", "", name)  # `1.国内生产总值增长(%)`: a row's number
    name, in_name = _split_unit(name)
    unit = unit or in_name
    for offset, column in enumerate(tail):
        text = texts[at + offset]
        if column.role == "unit":
            unit = re.sub(r"\s+", "", text) if not _EMPTY.match(text) else unit
    if _VALUE.match(name) or not name:
        return
    for k in range(at - 1):  # 序号 cells before the name number the rows
        if re.fullmatch(r"\d{1,3}\.?", texts[k]):
            found[row[k]] = Cell("other", name, "", None)
    # `64 | [4]` under `2025年目标值 | 年均增(5年累计)`: a row that states its target in a year's
    # column says in its change column only how far that is from the base, no target of its own
    targeted = any(c.role == "value" and c.target and not c.cumulative and
                   not _EMPTY.match(texts[at + k]) and _VALUE.match(texts[at + k])
                   for k, c in enumerate(tail))
    for offset, column in enumerate(tail):
        text = texts[at + offset]
        if column.role != "value" or _EMPTY.match(text) or not _VALUE.match(text):
            continue
        if column.cumulative and not column.growth and targeted:
            found[row[at + offset]] = Cell("gap", name, unit, column.year)
            continue
        found[row[at + offset]] = Cell("target" if column.target else "actual", name,
                                       "%" if column.growth else unit, column.year,
                                       "increase" if column.growth else "")


def _completion(columns: list[_Column]) -> bool:
    """A year's result column (`完成情况`, not a status column beside `2020年目标值`) and
    the year's target column (`年度目标`)."""
    return any(c.reached and c.target for c in columns) and \
        any(c.reached and c.base for c in columns)


def _completion_rows(lines: list[str], index: int, columns: list[_Column],
                     found: dict[int, Cell]) -> int:
    """Rows of a completion table, each opening on its number (`1`, `2`, …): the number, the
    name, maybe its `预期性` cell, then the year's result (its amount, then its growth when
    the header has `同比增长`) and the year's target, in the header's order.  A row may lack
    a cell (no growth stated) or hold a target in words (`增长10%左右,力争3000亿元`), so
    cells are read by what they hold, not counted."""
    slots: list[str] = []
    for column in columns:
        if column.role == "value" and column.base:
            slots.append("amount")
        elif column.role == "value" and column.target:
            slots.append("target")
        elif column.role == "sub" and column.growth and "amount" in slots:
            slots.insert(slots.index("amount") + 1, "growth")
    number = None
    while index < len(lines):
        text = _cell_text(lines[index])
        opens = re.fullmatch(r"(\d{1,3})\.?", text)
        if opens is None or (number is not None and int(opens.group(1)) != number + 1):
            break
        number = int(opens.group(1))
        found[index] = Cell("other", "", "", None)
        index += 1
        if index >= len(lines) or not _cell_text(lines[index]) or \
                _VALUE.match(_cell_text(lines[index])):
            break
        name = _cell_text(lines[index])
        index += 1
        if index < len(lines) and _ATTR.match(_cell_text(lines[index])):
            index += 1
        row: list[int] = []
        while index < len(lines):
            text = _cell_text(lines[index])
            if not text or len(text) > 40 or "。" in text or _next_row(lines, index, number):
                break
            row.append(index)
            index += 1
        _read_completion(lines, row, slots, name, found)
        if index < len(lines) and not _next_row(lines, index, number):
            break
    return index


def _next_row(lines: list[str], index: int, number: int) -> bool:
    """Whether the line opens the row after `number` (its number, then a name)."""
    if _cell_text(lines[index]) != str(number + 1):
        return False
    after = _cell_text(lines[index + 1]) if index + 1 < len(lines) else ""
    return bool(after) and not _VALUE.match(after)


def _read_completion(lines: list[str], row: list[int], slots: list[str], name: str,
                     found: dict[int, Cell]) -> None:
    name, unit = _split_unit(name)
    at = 0
    for k, slot in enumerate(slots):
        last = k == len(slots) - 1
        while at < len(row):
            text = _cell_text(lines[row[at]])
            if slot == "growth" and not _GROWTH_CELL.match(text):
                break  # no growth stated: the cell is the next column's
            at += 1
            if slot == "amount":
                found[row[at - 1]] = Cell("actual", name, unit, None, "==")  # the level
            elif slot == "growth":
                fall = text.startswith(("-", "−")) and text[1:2].isdigit()
                found[row[at - 1]] = Cell("actual", name, "%", None,
                                          "reduce" if fall else "increase")
            else:
                found[row[at - 1]] = Cell("target", name, unit, None, "reach")
            if not last:
                break


# a row's opening in a completion table without row numbers: `3.一般公共预算收入`, `二、创新驱动`
_CATEGORY_ROW = re.compile(r"^[一二三四五六七八九十]{1,3}、")  # `一、综合发展`
_ROW_OPENS = re.compile(r"^\d{1,2}[.、](?!\d)|" + _CATEGORY_ROW.pattern)
# a name that is a rate or share: a bare `%` cell is its level, not its growth
_RATE_NAME = re.compile(r"(?:率|比重|比例|占比|覆盖率|达标率|指数|系数)(?:\(%\))?$")


def _loose_rows(lines: list[str], index: int, columns: list[_Column],
                found: dict[int, Cell]) -> int:
    """Rows of a completion table without row numbers (`地区生产总值 | % | 8左右 | 8.2`, maybe
    `1.地区生产总值 | 增长6.5%左右 | 增长4.8% | 1347.1亿元`): the name, the unit when the header
    has a unit column and the cell is one, then one cell per value column in the header's
    order (a `备注` column's amount last); a row may stop short where the next opens on its
    number.  A bare figure of a `%` row whose name is no rate is the row's growth."""
    slots = [("target" if c.target else "actual") if c.role == "value" else "note"
             for c in columns if c.role == "value" or c.note]
    has_unit = any(c.role == "unit" for c in columns)
    while index < len(lines):
        text = _cell_text(lines[index])
        if not text or len(text) > 40 or "。" in text or (_VALUE.match(text) and
                not _ROW_OPENS.match(text) and not re.search(r"[\u4e00-\u9fff]{4}", text)):
            break  # (a name may open on a year: `2021年单位地区生产总值能耗降低目标`)
        if _CATEGORY_ROW.match(text):
            index += 1
            continue
        name = _ROW_OPENS.sub("", text)
        index += 1
        name, unit = _split_unit(name)
        if has_unit and index < len(lines) and _unit_cell(_cell_text(lines[index])):
            written = _cell_text(lines[index])
            unit = unit if _EMPTY.match(written) else written
            index += 1
        change = ""
        if unit in ("%", "％") and not _RATE_NAME.search(name):
            change = "reduce" if re.search(r"降低|下降|减少", name) else "increase"
        for slot in slots:
            if index >= len(lines):
                break
            text = _cell_text(lines[index])
            if not text or len(text) > 40 or "。" in text or _ROW_OPENS.match(text):
                break
            index += 1
            if _EMPTY.match(text):
                continue
            if not re.search(r"\d", text):  # a target or result in words (`正增长`,
                found[index - 1] = Cell(slot if slot != "note" else "actual", name, unit,
                                        None, "reach" if slot == "target" else "said")
                continue  # `与经济增长基本同步`): its column says which
            bare = re.fullmatch(r"[\d.]+", text) is not None
            if slot == "target":
                found[index - 1] = Cell("target", name, unit, None,
                                        change if bare and change else "reach")
            else:
                found[index - 1] = Cell("actual", name, unit, None,
                                        change if bare and change else "said")
    return index


def _unit_cell(text: str) -> bool:
    """A unit column's cell (`%`, `亿美元`, `微克/立方米`, `—`), not a value in words: the
    unit cell a row lost leaves its first value in its place (`每万人发明专利拥有量 | 135`)."""
    return bool(_UNIT_LIKE.match(text) or _EMPTY.match(text)) or (
        0 < len(text) <= 8 and not re.search(r"\d|增|降|同步|完成|达|持平", text))
