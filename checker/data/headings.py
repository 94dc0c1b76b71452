"""The headings and words of plan-data tables as offices publish them, in Chinese.

An execution report's table says 指标, 年份, 数值, 单位 and 实际/目标, not `indicator`, `year`,
`value`, `unit` and `actual`/`target`; these are read as the data contract's names, and
every other heading is still D310.
"""

from __future__ import annotations

from typing import Final

HEADINGS: Final = {"指标": "indicator", "指标名称": "indicator", "地区": "region",
                   "区域": "region", "年份": "year", "年度": "year", "时期": "period",
                   "期间": "period", "数值": "value", "值": "value", "单位": "unit",
                   "计量单位": "unit", "来源": "source", "数据来源": "source", "类型": "kind",
                   "备注": "note", "说明": "note", "口径": "basis"}
KIND_WORDS: Final = {"实际": "actual", "实际值": "actual", "完成": "actual", "完成值": "actual",
                     "目标": "target", "目标值": "target", "计划": "target", "计划值": "target"}
