"""A plan's indicator table laid out one cell per line (as web pages and copied PDFs
give it): each value cell is an item of its row's indicator and unit, a target in the
target column and a reported value in the base column."""

from __future__ import annotations

from tests.extract_helpers import items_of

TABLE = """专栏1 “十四五”时期经济社会发展主要指标
类别
指标
2020年
2025年
属性
经济发展
地区生产总值年均增长(%)
—
6左右
预期性
全员劳动生产率(万元/人)
28.4
>30
预期性
绿色生态
森林覆盖率(%)
30.5
≥32
约束性
细颗粒物年均浓度
微克/立方米
38
35
约束性
"""

WITH_UNITS = """主要指标
序号
指标名称
单位
基期值
目标值
1
城镇调查失业率
%
4.6
<5.5
2
新建学校
个
—
13
"""


def _read(text: str) -> list[tuple[int, str, str, str, str, str, str]]:
    from checker.tools.extract.writers import value_text

    return [(i.line, i.kind, i.name, i.op, value_text(i.value), i.unit, i.period)
            for i in items_of(text) if i.kind != "other"]


def test_each_value_cell_is_an_item_of_its_row_and_column() -> None:
    assert _read(TABLE) == [
        (10, "target", "地区生产总值年均增长", "~=", "6", "%", "2025"),
        (13, "actual", "全员劳动生产率", "==", "28.4", "万元/人", "2020"),
        (14, "target", "全员劳动生产率", ">", "30", "万元/人", "2025"),
        (18, "actual", "森林覆盖率", "==", "30.5", "%", "2020"),
        (19, "target", "森林覆盖率", ">=", "32", "%", "2025"),
        (23, "actual", "细颗粒物年均浓度", "==", "38", "μg/m³", "2020"),
        (24, "target", "细颗粒物年均浓度", "==", "35", "μg/m³", "2025"),
    ]


def test_a_unit_column_and_base_and_target_columns() -> None:
    found = _read(WITH_UNITS)
    assert [(k, n, o, v, u) for _, k, n, o, v, u, _ in found] == [
        ("actual", "城镇调查失业率", "==", "4.6", "%"),
        ("target", "城镇调查失业率", "<", "5.5", "%"),
        ("target", "新建学校", "==", "13", "count"),
    ]


def test_lines_that_are_no_table_are_read_as_text() -> None:
    text = "单位\n地区生产总值增长5%。\n"
    assert _read(text) == [(2, "actual", "地区生产总值", "increase", "5", "%", "")]


# A column's name with a note after it, a `|` after each cell (as an exam page quotes a plan's
# table), a dash typed as `一`, and a five-year-change column beside the target column.
NOTED = """指标 |
2020年基期值(起始日期用作比较的数据) |
2025年目标值(各项目标应达到的水平) |
年均增(5年累计) |
粮食综合生产能力(亿吨) |
一 |
>6.5 |
一 |
乡村公路硬化率(%) |
81 |
90 |
[9] |
"""


def test_noted_columns_bordered_cells_and_a_change_column_that_restates_the_gap() -> None:
    got = [(i.line, i.kind, i.op, str(i.value), i.unit, i.period) for i in items_of(NOTED)
           if i.kind != "other"]
    assert got == [(7, "target", ">", "13/2", "亿吨", "2025"),
                   (10, "actual", "==", "81", "%", "2020"),
                   (11, "target", "==", "90", "%", "2025")]
    gap = [i for i in items_of(NOTED) if i.line == 12]
    assert [(i.kind, i.reason) for i in gap] == [
        ("other", "`9` restates how far its row's target is from the base")]


# An execution report's completion table one cell per line: the year's result (its amount and
# its growth) under `完成情况`, the year's target under `年度目标`; a row may lack its growth
# cell or state its target in words.
COMPLETED = """表2:2023年某区主要指标完成情况
序号
指标名称
属性
完成情况
年度目标
绝对值
同比增长
1
社会消费品零售总额
预期性
820.5亿元
-2.3%
增长6%左右
2
人均可支配收入增速
65012元
5.1%
增长5%,力争900亿元
3
新增就业岗位
3200个
3000个
"""


def test_a_completion_tables_result_cells_are_actuals_and_its_target_cells_targets() -> None:
    got = [(i.line, i.kind, i.op, str(i.value), i.unit) for i in items_of(COMPLETED)
           if i.kind != "other"]
    assert got == [(12, "actual", "==", "1641/2", "亿元"),
                   (13, "actual", "reduce", "23/10", "%"),
                   (14, "target", "~=", "6", "%"),
                   (17, "actual", "==", "65012", "元"),
                   (18, "actual", "increase", "51/10", "%"),
                   (19, "target", "increase", "5", "%"),
                   (19, "target", ">=", "900", "亿元"),
                   (22, "actual", "==", "3200", "count"),
                   (23, "target", ">=", "3000", "count")]


# The same kind of table flattened into the paragraph that introduces it (a page that lost its
# line ends and kept the cells apart by runs of spaces).
FLAT = ("现将执行情况报告如下。全年主要目标顺利完成,详见附表。   附表:主要指标完成情况   序号   "
        "指标名称   完成情况   年度目标   绝对值   同比增长   1   工业增加值   410.2亿元   6.4%   "
        "增长5%以上   2   实际利用外资   12.6亿美元   -1.5%   12亿美元\n")


def test_a_completion_table_flattened_into_a_paragraph_is_read_cell_by_cell() -> None:
    got = [(i.line, i.kind, i.op, str(i.value), i.unit) for i in items_of(FLAT)
           if i.kind != "other"]
    assert got == [(1, "actual", "==", "2051/5", "亿元"),
                   (1, "actual", "increase", "32/5", "%"),
                   (1, "target", ">=", "5", "%"),
                   (1, "actual", "==", "63/5", "亿美元"),
                   (1, "actual", "reduce", "3/2", "%"),
                   (1, "target", ">=", "12", "亿美元")]


# A table copied cell by cell with the `|` of each cell kept, a cell `“十五五”目标` spanning the
# two columns under it (its place kept by a lone `|`), a rule of pipes, a cell in words with a
# comma inside a row, and bracketed cells of a change over the plan's years.
PIPED = """专栏 主要指标
编号 |
指 标 |
单位 |
属性 |
“十五五”目标 |
|
2030年 |
年均[累计] |
|||||
1 |
规模以上工业增加值年均增长 |
% |
预期性 |
- |
6左右 |
2 |
人均公园绿地面积提升 |
% |
约束性 |
- |
[15] |
3 |
国家高新技术企业数量 |
家 |
预期性 |
- |
[累计达到800] |
4 |
河湖水质 |
/ |
约束性 |
稳定达标,部分断面优于Ⅱ类 |
- |
5 |
城市更新面积 |
万平 方米 |
约束性 |
- |
[老旧小区:五年累计约60] |
6 |
人均受教育年限 |
年 |
预期性 |
>11.5 |
- |
"""


def test_a_piped_cell_per_line_table_with_a_spanning_target_cell() -> None:
    assert _read(PIPED) == [
        (16, "target", "规模以上工业增加值年均增长", "~=", "6", "%", "2030"),
        (22, "target", "人均公园绿地面积提升", "increase", "15", "%", "2030"),
        (28, "target", "国家高新技术企业数量", ">=", "800", "count", "2030"),
        (40, "target", "城市更新面积", "~=", "60", "万m²", "2030"),
        (45, "target", "人均受教育年限", ">", "11.5", "年", "2030"),
    ]


# A completion table with a blank line between its cells and no row numbers: name, unit (a row
# may lose it), the year's target, its result; bare `%` figures of a row that is no rate are
# growth.  Then one whose rows open on their numbers, with targets and results in words and a
# `备注` amount that a row may leave empty.
SPACED = """2023年主要指标完成情况

指标

单位

全年目标

完成情况

规模以上工业增加值

%

6左右

7.1

城乡居民收入

%

与经济增长同步

6.4

利用外资总额

亿美元

15

18.2

每万人高价值发明专利

40

52

空气优良天数比率

%

85

88.5

"""

SPACED_WORDS = """表2 主要指标执行情况

指标名称

预期目标

实际完成

备注

一、经济运行

1.全区生产总值

增长7%左右

增长5.9%

812.4亿元

2.人均可支配收入

增长6%

增长6.3%



3.税收收入

增长4%

下降2.1%

63.5亿元

"""


def test_a_spaced_completion_table_without_row_numbers() -> None:
    got = [(i.line, i.kind, i.op, str(i.value), i.unit) for i in items_of(SPACED)
           if i.kind != "other"]
    assert got == [(15, "target", "~=", "6", "%"), (17, "actual", "increase", "71/10", "%"),
                   (23, "target", "sync", "None", ""),
                   (25, "actual", "increase", "32/5", "%"),
                   (31, "target", ">=", "15", "亿美元"), (33, "actual", "==", "91/5", "亿美元"),
                   (37, "target", ">=", "40", ""), (39, "actual", "==", "52", ""),
                   (45, "target", ">=", "85", "%"), (47, "actual", "==", "177/2", "%")]
    words = [(i.line, i.kind, i.op, str(i.value), i.unit) for i in items_of(SPACED_WORDS)
             if i.kind != "other"]
    assert words == [(15, "target", "~=", "7", "%"), (17, "actual", "increase", "59/10", "%"),
                     (19, "actual", "==", "4062/5", "亿元"),
                     (23, "target", "increase", "6", "%"), (25, "actual", "increase", "63/10", "%"),
                     (31, "target", "increase", "4", "%"), (33, "actual", "reduce", "21/10", "%"),
                     (35, "actual", "==", "127/2", "亿元")]
