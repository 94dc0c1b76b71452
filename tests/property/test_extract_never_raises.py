"""Hypothesis: whatever the text, the reader gives items and never raises; every item
stands on its line, at its column, and quotes words of that line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checker.tools.extract.writers import to_csv, to_json
from tests.extract_helpers import items_of

WORDS = ["达到", "控制在", "以内", "以上", "左右", "增长", "下降", "新建", "个", "万", "亿", "亿元",
         "平方公里", "%", "百分点", "倍", "级", "到2025年", "2022年", "上半年", "同比", "全覆盖",
         "清零", "零填埋", "(", ")", "、", ",", "。", ";", ":", "“", "”", "第", "号线", "5G",
         "PM2.5", "十三", "二〇三五年", "百万亩", "千亿级", "约", "近", "超过", "-", "/", "\n",
         "一、", "(一)", "第一章 ", "主要目标", "执行情况", "规划纲要", "#", " ", "\t", "\x00",
         "\u202e", "萬億", "１２３"]
TEXTS = st.lists(st.one_of(st.sampled_from(WORDS), st.integers(0, 10**7).map(str),
                           st.decimals(0, 1000, places=2).map(str), st.text(max_size=3)),
                 max_size=60).map("".join)


@given(TEXTS)
def test_any_text_reads(text: str) -> None:
    items = items_of(text)
    lines = text.split("\n")
    for item in items:
        line = lines[item.line - 1]
        assert 1 <= item.column <= len(line)
        assert item.quote.replace(" ", "") in line.replace(" ", "") or not item.quote
        assert item.kind in ("target", "actual", "other")
    to_json(items)
    to_csv(items)
