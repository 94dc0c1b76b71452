"""The phrase grammar and the numerals: the words of one figure -> value, unit, bound."""

from __future__ import annotations

from fractions import Fraction

import pytest

from checker.tools.extract.numerals import arabic, chinese
from checker.tools.extract.phrases import parse
from tests.extract_helpers import reader


@pytest.mark.parametrize(("text", "value"), [
    ("十三", 13), ("一百零五", 105), ("两千", 2000), ("百", 100), ("千", 1000), ("十", 10),
    ("二〇三五", 2035), ("三千五百", 3500), ("五十五", 55), ("零", 0),
])
def test_chinese_numerals(text: str, value: int) -> None:
    assert chinese(text) == value


@pytest.mark.parametrize("text", ["十四五", "百百", "十百", "一" * 30, "", "万"])
def test_words_that_are_no_numbers(text: str) -> None:
    assert chinese(text) is None


def test_arabic_numbers_are_exact() -> None:
    assert arabic("46.89") == Fraction(4689, 100)
    assert arabic("1,993,591") == 1993591
    assert arabic("1" * 30) is None


@pytest.mark.parametrize(("text", "words", "value", "unit", "bound", "more"), [
    ("64万平方米人员掩蔽工程", "64万平方米", "64", "万平方米", "", False),
    ("13个垃圾转运站", "13个", "13", "个", "", False),
    ("95%以上。", "95%以上", "95", "%", "以上", False),
    ("319平方公里以内", "319平方公里以内", "319", "平方公里", "以内", False),
    ("百万亩造林", "百万亩", "100", "万亩", "", False),
    ("1.49万余名党员", "1.49万余名", "149/100", "万名", "", True),
    ("百分之九十", "百分之九十", "90", "%", "", False),
    ("三分之一", "三分之一", "1/3", "", "", False),
    ("10.2个百分点", "10.2个百分点", "51/5", "百分点", "", False),
    ("9.6倍", "9.6倍", "48/5", "倍", "", False),
    ("5.1公里/平方公里。", "5.1公里/平方公里", "51/10", "公里/平方公里", "", False),
    ("3941万人次", "3941万人次", "3941", "万人次", "", False),
    ("1.3万亿斤以上", "1.3万亿斤以上", "13/10", "万亿斤", "以上", False),
    ("37微克/立方米", "37微克/立方米", "37", "微克/立方米", "", False),
    ("300多种", "300多种", "300", "种", "", True),
    ("355万吨标准煤以内", "355万吨标准煤以内", "355", "万吨标准煤", "以内", False),
    ("1,993,591人", "1,993,591人", "1993591", "人", "", False),
])
def test_phrases(text: str, words: str, value: str, unit: str, bound: str, more: bool) -> None:
    phrase = parse(text, 0, reader().lexicon)
    assert phrase is not None
    assert (phrase.text, phrase.value, phrase.bound, phrase.more) == \
        (words, Fraction(value), bound, more)
    assert (phrase.unit.text if phrase.unit else "") == unit


def test_a_range_keeps_both_ends_and_shares_the_unit() -> None:
    phrase = parse("2-3个千亿级", 0, reader().lexicon)
    assert phrase is not None and (phrase.value, phrase.high) == (2, 3)
    assert phrase.unit is not None and phrase.unit.count


def test_a_level_of_money_and_a_scale_word_alone() -> None:
    level = parse("千亿级园区", 0, reader().lexicon)
    assert level is not None and (level.text, level.value, level.measure) == ("千亿级", 1000,
                                                                             "level")
    alone = parse("万兆的目标", 0, reader().lexicon)
    assert alone is not None and (alone.text, alone.value) == ("万兆", 1)
    assert alone.unit is not None and alone.unit.scale == 10**4


@pytest.mark.parametrize("text", ["5G基站", "PM2.5"])
def test_an_ascii_unit_ends_where_its_word_ends(text: str) -> None:
    phrase = parse(text, text.index("5") if text[0] == "5" else 2, reader().lexicon)
    assert phrase is None or phrase.unit is None


def test_no_figure_where_there_is_none() -> None:
    assert parse("十四五时期", 0, reader().lexicon) is None
