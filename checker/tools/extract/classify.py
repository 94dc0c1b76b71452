"""Classify: a figure in its sentence -> its `Item`s (target, actual or other).

In: a sentence (`Ctx`), one of its figures (`Phrase`), the run of figures it
belongs to and the item before it.  Out: one item (two for a range: at least the
low end, at most the high end).  What kind of statement it is comes from `when`,
why it is none from `reasons`, its name from `naming`; here the comparison
(`>=`, `increase`, `~=` …), the value in the language's spelling of the unit,
the qualifier and the quote.  Imports this package's modules and `units`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction

from checker.tools.extract import cues
from checker.tools.extract.context import Around, Ctx, around
from checker.tools.extract.items import Item
from checker.tools.extract.naming import name_of
from checker.tools.extract.phrases import Phrase, UnitWord, alternation
from checker.tools.extract.reasons import (
    listed_verb,
    money_level,
    other_reason,
    share_of_noun,
    subject_predicate,
)
from checker.tools.extract.signals import features
from checker.tools.extract.tables import Cell
from checker.tools.extract.when import judged, period_at, plan_of_a_share
from checker.types.units import Unit

_QUALIFIERS = re.compile(r"初步预计|初步核算|初步统计|预计|扣除[^,，;；。]{1,12}?影响|两年平均|"
                         r"年均|累计|同比|环比")
_COUNTED = frozenset({"one", "wan"})
_DURATION = "a duration in years, not a statement about an indicator"
_DAY = "a day of the month (`30日举行`), not a count of days"
_RUNNING = "how long something ran or took (`连续…`, `用了…`), not a statement about an indicator"
_TOOK = re.compile(r"(?:用了|仅用|只用|历时|耗时)$")  # 从签约到投产仅用了10个月
_PER_BASE = "the base of a rate or a frequency (`每千人`, `每10万人口`, `每5年`), not its value"
_DOWN = frozenset(cues.REACH_DOWN)
_SETS_A_VALUE = frozenset({"设置", "设定", "确定", "提出", "明确"})
# `达到并超过…2022年77.7岁的目标`, `低于5.5%的预期控制目标`: a figure that is the value of a target
# named after it, in a sentence that measures a result against it.
_TARGET_NAMED_AFTER = re.compile(r"的[^\d,，;；。、]{0,6}?目标")
_BEYOND = re.compile(r"(?:超额|提前|顺利|圆满|全面)$")
_RESULT_AGAINST = frozenset({"低于", "高于", "超过", "优于", "好于"})
_EQUAL_VERBS = frozenset({"为", "是", "保持", "保持在", "稳定在", "稳定", "占地", "共", "有",
                          "安排"})



def classify(ctx: Ctx, phrase: Phrase, previous: Item | None,
             run: list[Phrase]) -> list[Item]:
    """The items of one figure — two for a range (`6%-6.5%`: at least 6, at most 6.5);
    `run` is the list of figures it is part of (`7.4%、3.4%`)."""
    item = _classify(ctx, phrase, previous, run)
    if item.high is None or item.kind == "other" or phrase.bound:
        return [item]
    low = replace(item, op=">=" if item.op in ("==", "increase", "reduce", ">=") else item.op)
    separator = re.search(r"[-—–~至到]", phrase.text)
    offset = separator.end() if separator else 0
    high = replace(item, op="<=", value=item.high, high=None, column=item.column + offset)
    return [low, high]


def _classify(ctx: Ctx, phrase: Phrase, previous: Item | None, run: list[Phrase]) -> Item:
    start, end = phrase.start - ctx.base, phrase.end - ctx.base
    first = run[0]
    near = around(ctx.text, first.start - ctx.base, first.end - ctx.base)
    own = around(ctx.text, start, end) if phrase is not first else near
    value, unit, known, factor, high = _value(phrase)
    if phrase.unit is not None and ctx.text[max(0, start - 2):start] in cues.PER_DAY:
        unit, known, factor = f"{phrase.unit.text}/日", None, 1  # 每天800万立方米: 万立方米/日
    duration = unit == "年" and (not (own.level or own.bound_word or own.change or own.starting)
                                 or (phrase.chinese and own.follows == "noun")) \
        and not ctx.text[:start].endswith(cues.YEARS_MEASURED)  # 三年新冠疫情, not 年限12.2年
    running = ctx.text[max(0, start - 2):start].endswith("连续") or (  # 连续10个季度, 连续97天
        _TOOK.search(ctx.text, max(0, start - 3), start) is not None and
        phrase.unit is not None and phrase.unit.text in cues.SPANS_TAKEN)  # 仅用了10个月
    per_base = ctx.text[start - 1:start] == "每" if start > 0 else False
    reason = _DURATION if duration else _RUNNING if running else _PER_BASE if per_base else \
        _DAY if _day_of_month(ctx, phrase, start, end) else other_reason(ctx, phrase, own, near)
    if ctx.sentence.cell is not None and ctx.sentence.cell.kind == "other":
        reason = f"`{phrase.text}` numbers a row of the table"
    elif ctx.sentence.cell is not None and ctx.sentence.cell.kind == "gap":
        reason = f"`{phrase.text}` restates how far its row's target is from the base"
    elif ctx.sentence.cell is not None and ctx.sentence.cell.kind == "header":
        reason = f"`{phrase.text}` is in the header of a table (a column's year or note)"
    elif ctx.sentence.cell is not None and not (duration and phrase.chinese):
        reason = ""  # a value cell: its column says what it is (`五年累计约110`: 五年 is no figure)
    name = name_of(ctx, near, phrase, run, previous)
    kind, decisive = ("other", True) if reason else judged(ctx, near, phrase.start - ctx.base)
    signals: list[str] = []
    if ctx.decision is not None and not reason and ctx.sentence.cell is None:
        signals = features(ctx, near, start, end, kind, decisive)
        kind = ctx.decision.kind(signals, kind, decisive)
    before = ctx.text[start - 1:start] if start > 0 else ""
    tight = before if before in cues.TIGHT_BOUNDS else ""
    compared = bool(_COMPARED.search(ctx.text[own.clause_start:own.chain_start]))
    named_before = ctx.text[max(0, own.chain_start - 40):own.chain_start]
    lower_better = any(w in named_before for w in cues.LOWER_IS_BETTER) and \
        "优良" not in named_before  # 优良天数比例: more is better
    quality = bool(_QUALITY.search(ctx.text[max(0, own.chain_start - 8):own.chain_start]))
    cell = ctx.sentence.cell
    period = period_at(ctx, start, kind, near)
    if cell is not None and not reason:  # a table's cell: its row and column say it
        kind, name, period = cell.kind, cell.name, str(cell.year) if cell.year else period
        op = _table_op(ctx, cell, phrase, near, own, tight, compared, lower_better, quality)
    elif kind != "other":
        op = _text_op(ctx, phrase, near, own, kind, unit, tight, compared, lower_better,
                      quality)
    else:
        op = ""
    return Item(
        file=ctx.document.path, line=ctx.document.position(phrase.start)[0],
        column=ctx.document.position(phrase.start)[1],
        quote=quote_of(ctx, near), kind=kind, name=name, indicator="", op=op, value=value,
        unit=unit, period=period, qualifier=_qualifier(ctx, near, own, phrase),
        reason=reason, section=" ".join(ctx.sentence.section), words=phrase.text,
        known=known, factor=factor, high=high,
        signals=tuple(signals) if ctx.decision is not None and ctx.decision.collect else ())


# `设施100%覆盖`, `90%接入`: a share of things that a verb of reaching right after it covers.
_COVERED = re.compile(r"\s*(?:覆盖|通达|接入)")


def _text_op(ctx: Ctx, phrase: Phrase, near: Around, own: Around, kind: str, unit: str,
             tight: str, compared: bool, lower_better: bool, quality: bool) -> str:
    """The comparison of a figure in running text: its words (`_op`), then what the
    sentence around it says of the whole, the parts or the rate it states."""
    start = phrase.start - ctx.base
    op = _op(near, own, phrase, kind, tight, listed_verb(ctx, phrase, own), compared,
             _own_indicator(ctx.text, near), lower_better, quality)
    whole = _BOUND_OF_WHOLE.search(ctx.text, max(own.clause_start, start - 16), start)
    if op == "==" and whole and not phrase.bound and not own.chain:
        op = cues.PREFIX_BOUNDS[whole.group(1)]  # 已接近常住总人口的15%: about 15 % of the whole
    if op == "==" and kind == "target" and ctx.text[:own.chain_start].endswith("就业") and \
            unit in ("万人", "人"):
        op = ">="  # 促进失业人员就业10万人: so many people put into work
    if op == "==" and kind == "target" and unit == "%" and _COVERED.match(own.right):
        op = ">="  # 基层文体设施100%覆盖: a share to cover at least, as 全覆盖 is
    if op == "==" and kind == "target" and share_of_noun(phrase, own):
        op = ">="  # 55%床位将向…倾斜: at least that share
    if op == "==" and kind == "target" and \
            subject_predicate(ctx, phrase, own) not in ("", *cues.ALL_OF_THEM):
        op = ">="  # 等31处城市公园为市民再添…: so many things to do it, at least (全部: all)
    if op == ">=" and kind == "target" and near.level in ("达到", "达") and not phrase.bound and \
            _PARTS_REACH.match(ctx.text, near.clause_start, near.chain_start):
        op = "=="  # 其中再生铜、再生铝产量分别达到400万吨、1150万吨: the parts of a whole set
    if kind == "target" and not phrase.bound and plan_of_a_share(ctx.text, start):
        op = "=="  # 完成年计划710亿元的89.4%: the plan's value, no verb of its own
    if kind == "target" and own.follows == "of" and not phrase.bound:
        op = _value_of_named_target(ctx, own, start) or op
    if op == "==" and phrase.unit is not None and phrase.unit.text == "%":
        rise = _RATE_AFTER.match(own.right)  # 实现7.1%的高增长: a rise at that rate
        op = ("reduce" if rise.group(1) in ("下降", "降幅") else "increase") if rise else op
    rate = _RATE_IS.search(ctx.text[max(0, own.chain_start - 10):own.chain_start])
    if op == "==" and rate and own.level in ("为", "是"):  # GDP增长预期目标为6.5%: a rise
        op = "reduce" if rate.group(1) in ("下降", "降低", "降幅") else "increase"
    return op


def _table_op(ctx: Ctx, cell: Cell, phrase: Phrase, near: Around, own: Around, tight: str,
              compared: bool, lower_better: bool, quality: bool) -> str:
    """The comparison of a table's value cell, computed once: a cell in words of its
    year's target or result (`增长7%`, `下降4.6%`) reads as text of that kind; else the
    cell's bound, its row's change or its own `达到`."""
    start = phrase.start - ctx.base
    if cell.change == "reach":  # a year's target in words (`增长7%`, `力争3000亿元`)
        op = _op(near, own, phrase, "target", tight, listed_verb(ctx, phrase, own),
                 compared, False, lower_better, quality)
        if op == "==":  # a bare amount the year is to reach (`50件`)
            op = "<=" if any(w in cell.name for w in cues.LOWER_IS_BETTER) and \
                "优良" not in cell.name else ">="  # 优良天数比率: more is better
        return op
    if cell.change == "said":  # a year's result in words (`增长4.8%`, `下降4.6%`)
        return _op(near, own, phrase, "actual", tight, listed_verb(ctx, phrase, own),
                   compared, False, lower_better, quality)
    op = _cell_op(phrase, tight or own.bound_word, cell.name, cell.change)
    if op == "==" and _CELL_REACH.search(ctx.text[max(0, start - 4):start]):
        op = ">="  # `[累计达到1000]`: the cell's own verb of reaching
    return op


def _value_of_named_target(ctx: Ctx, own: Around, start: int) -> str:
    """The op of a target's value named after it in a sentence that measures a result
    against it: the comparison before it is the result's (`低于5.5%的预期控制目标`: the target
    caps, `控制`), and a verb far left that reaches it (`达到并超过…2022年77.7岁的目标`, the
    target's year between) reaches the target, not the figure: its value is `==`."""
    named = _TARGET_NAMED_AFTER.match(own.right)
    if named is None:
        return ""
    if own.chain and all(w in _RESULT_AGAINST for w in own.chain):
        return "<=" if "控制" in named.group() else "=="
    if own.chain and own.chain[0] in ("完成", "实现") and \
            _BEYOND.search(ctx.text, max(0, own.chain_start - 4), own.chain_start):
        return "=="  # 超额完成5500万人的目标任务: the target's value, which the result went past
    between = ctx.text[max(own.distant_at, own.clause_start):own.chain_start]
    if not own.chain and own.distant in cues.LEVEL_TARGET and re.search(r"20\d\d年", between):
        return "=="
    return ""


def _day_of_month(ctx: Ctx, phrase: Phrase, start: int, end: int) -> bool:
    """`从30日举行的发布会`, `26日召开`: a date of a news item, not so many days."""
    if phrase.unit is None or phrase.unit.text != "日" or phrase.chinese or phrase.value > 31:
        return False
    return ctx.text[max(0, start - 2):start].endswith(cues.DAY_OF_MONTH_BEFORE) or \
        ctx.text[end:end + 2].startswith(cues.DAY_OF_MONTH_AFTER)


# ------------------------------------------------------------------ how it compares


# `完成森林质量提升800万亩`: a quality raised over an area or a number of things — the
# figure is how much is worked on (the quality has no such unit), not the rise.
_QUALITY = re.compile(r"(?:质量|品质|水平|功能|环境|标准)(?:精准)?$")
# `比2020年新增52种`: what is new against a base is a change.
_COMPARED = re.compile(r"(?:比|较)[^,，;；。]{1,10}$")
# `其中再生铜、再生铝和再生铅产量分别达到…`: a clause opening on `其中` states the parts of the
# whole before it, each at its value (the whole carries the bound), `达到` or not.
_PARTS_REACH = re.compile(r"\s*其中[,，]?[^,，;；。\d]{1,30}?(?:分别)?\s*$")
_NEW = frozenset({"新增", "净增"})
# `老年人口已接近常住总人口的15%`: a bound before the whole a share is of bounds the share.
_BOUND_OF_WHOLE = re.compile("(" + alternation(cues.ABOUT + cues.MORE_THAN[:3] + cues.LESS_THAN)
                             + r")[^,，;；。\d的]{1,10}的$")
_CUTS = frozenset({"减少", "压减", "降低", "压缩"})
# `GDP增长预期目标为6.5%`, `GDP年均增速预计为6.5%`: the rate a change is set at.
_RATE_AFTER = re.compile(cues.RATE_AFTER)
_RATE_IS = re.compile(r"(增长|增速|增幅|下降|降低|降幅)(?:的)?"
                      r"(?:预期目标|预期|目标|预计|计划|目标值)?"
                      r"(?:也|将|已|再)?(?:调低|调高|下调|上调|确定|设定|定)?$")


def _extent(phrase: Phrase) -> bool:
    """An area or a count: how much of something, never how good it is."""
    base = phrase.unit.base if phrase.unit is not None else None
    return base is not None and base.dimension in ("area", "one")


def _op(near: Around, own: Around, phrase: Phrase, kind: str, tight: str = "",
        lead: str = "", compared: bool = False, named: bool = False,
        lower_better: bool = False, quality: bool = False) -> str:
    if phrase.bound:
        return cues.BOUNDS[phrase.bound]
    if tight:
        return cues.TIGHT_BOUNDS[tight]
    prefix = own.bound_word or (near.bound_word if own is near else "")
    if prefix:
        return cues.PREFIX_BOUNDS[prefix]
    if phrase.more:
        return ">"
    if phrase.measure == "level":
        return ">="
    change = own.change or near.change
    counted = phrase.unit is not None and phrase.unit.text in cues.COUNT_WORDS
    if change and counted and own.follows == "noun":  # 整体提升100所学校周边环境: work on them
        return ">=" if kind == "target" else "=="
    if change == "increase" and quality and _extent(phrase):
        return ">=" if kind == "target" else "=="  # 森林质量提升800万亩: the area worked on
    if change == "increase" and kind == "target" and _extent(phrase) and not compared and \
            own.follows != "of":  # 集成电路产业园扩大3.5平方公里: the land (or things) to add
        return ">="
    if change == "improve":  # 浓度…改善24%: a fall of what is better lower
        return "reduce" if lower_better else "increase"
    if change == "increase" and kind == "target" and own.chain[:1] == ("增加",) and \
            phrase.unit is not None and phrase.unit.count:
        return ">="  # 5G基站增加1.3万个: so many more to build, as 新增 says
    if change and not (phrase.measure == "points" and not own.chain and near.distant):
        return change
    level = own.level or near.level or (near.distant if not named else "") or lead
    if kind == "target" and not own.level and not near.level and level in _CUTS:
        return "reduce"  # 减少碳排放100万吨: the amount cut, a verb of change and its noun before
    if level in _NEW and compared:
        return "increase"
    if level in _SETS_A_VALUE and own.follows == "of":  # 设置2%的CPI涨幅目标: the target's value
        return "=="
    if kind == "target":
        if level in cues.AT_MOST or level in _DOWN or _within(own, phrase):
            return "<="
        if level and level not in _EQUAL_VERBS:
            return ">="
        if level == "为" and own.follows == "noun" and phrase.unit is not None and \
                phrase.unit.count:  # 为8000名独居老人安装…: for so many, work to do
            return ">="
    return "=="


def _own_indicator(text: str, near: Around) -> bool:
    """`地区生产总值达到10万亿元左右、全员劳动生产率18.5万元、户籍人口城镇化率67%`: a part of a
    list that names an indicator of its own, with no verb of its own, states its value; the
    verb of an earlier part leads only parts that name things (`新建学校5所、医院3家`)."""
    if not near.distant:
        return False
    if text[near.chain_start - 1:near.chain_start] == "在" and not near.chain:
        return True  # 天数比例在72%, 脱贫年均在300万人: the value it is at
    named = text[max(near.segment_start, near.distant_at):near.chain_start]
    return named.endswith((*cues.MEASURED, "年限", "水平", "生产率")) and (
        near.distant_at < near.segment_start or named.startswith(near.distant + "达"))


_CELL_REACH = re.compile(r"达到$")


def _cell_op(phrase: Phrase, tight: str, name: str, change: str = "") -> str:
    """The comparison of a table's cell: its bound (`≥95`, `6左右`), else the change the
    row's name says (`…年均增长`), else the value itself."""
    if phrase.bound:
        return cues.BOUNDS[phrase.bound]
    if tight:
        return {**cues.TIGHT_BOUNDS, **cues.PREFIX_BOUNDS}[tight]
    if change:  # a cell of a `年均增长` column
        return change
    if name.endswith(("增长", "增速", "增幅", "年均增长率", "增长率", "提升", "提高")):
        return "increase"
    if name.endswith(("下降", "降低", "降幅", "减少")):
        return "reduce"
    return "=="


def _within(own: Around, phrase: Phrase) -> bool:
    """`19分钟直达`: a time to reach something is a cap."""
    base = phrase.unit.base if phrase.unit is not None else None
    return own.follows == "verb" and base is not None and base.dimension == "duration"


def _value(phrase: Phrase) -> tuple[Fraction, str, Unit | None, int, Fraction | None]:
    word = phrase.unit
    value, high = phrase.value, phrase.high
    if phrase.start == phrase.end - len(phrase.text) and phrase.text[:1] in "万亿" \
            and word is not None and word.base is not None and not word.count and \
            not word.text.startswith("万亿"):  # 突破万亿元: 1 万亿元, as 1.2万亿元 is spelled
        return value * word.scale, spelling(UnitWord(word.text, 1, word.base)), word.base, 1, high
    if phrase.measure == "level" and money_level(phrase):  # 千亿级: 1000 亿元; 万亿级: 10000
        factor = max(phrase.scale // 10**8, 1)
        return value * factor, "亿元", None, 1, high * factor if high is not None else None
    if word is None:
        return value, "", None, 1, high
    if word.text == cues.TENTHS:  # 七成以上: 70 %
        return value * 10, "%", word.base, 1, high * 10 if high is not None else None
    return value, spelling(word), word.base, word.scale, high


def spelling(word: UnitWord) -> str:
    """How the language spells a unit word: `count`, `万`, `%`, `km²`; else as written."""
    base = word.base
    if base is not None and word.count and base.name in _COUNTED:
        return {1: "count" if base.name == "one" else "万", 10**4: "万"}.get(
            word.scale * (10**4 if base.name == "wan" else 1), word.text)
    if base is not None and word.scale == 1:
        return base.symbol or base.name
    return word.text


def _qualifier(ctx: Ctx, near: Around, own: Around, phrase: Phrase) -> str:
    words = [w for w in (own.bound_word or near.bound_word, phrase.bound,
                         "多" if phrase.more else "") if w]
    clause = near.clause_words(ctx.text)
    sentence_words = _QUALIFIERS.findall(clause)
    return " ".join(dict.fromkeys([*words, *sentence_words]))


def quote_of(ctx: Ctx, near: Around) -> str:
    a, b = ctx.base + near.clause_start, ctx.base + near.clause_end
    return ctx.document.original(a, b).strip().lstrip("—─-◆●•· ").strip()
