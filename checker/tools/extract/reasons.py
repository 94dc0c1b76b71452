"""Reasons: why a figure is no statement — a name, an ordinal, a code, a description.

In: a figure (`Phrase`) and its context in the sentence.  Out: the reason it is
an item of kind `other` (`8号线`, `5G`, `第二`, a quoted term, `(30项)`, `24小时城市书房`,
`66家规上企业完成工业产值…`: the subject of the figure after it), or '' when it is
a statement.  Imports `context`, `cues`, `phrases`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from checker.tools.extract import cues
from checker.tools.extract.asides import aside_reason
from checker.tools.extract.context import NEW_WORK, Around, Ctx
from checker.tools.extract.fold import is_cjk
from checker.tools.extract.phrases import Phrase, alternation

# `今年将办30件重要民生实事`: a year's livelihood projects are the items the text lists.
_OWN_ITEMS = re.compile(r"^[^,，;；。]{0,16}(?:指标|目标|任务|举措|项目标|方面|部分|实事)")
# `完成…53项重点任务`: tasks done are a count of work, not of the document's items.
_DOING = frozenset({"完成", "实施", "落实", "开展", "推进", "办结"})
# `设置了22项具体发展指标`: a text setting out its own indicators counts them.
_SETTING = frozenset({"设置", "确定", "确立", "提出", "明确", "设立", "包括", "共", "办"})
# `1处千亩以上城市森林`: the figure after describes the things counted, it is none itself.
# `300家一般制造和污染企业`: words that begin with 一 count nothing.
_ONE_WORD = re.compile(r"一(?:般|批|体|流|站|系列|些|揽子|线|带|网|致|直|律|切|定|样)")
_DESCRIBED = re.compile(r"[\d〇零一二两三四五六七八九十百千]+[^\d,，;；。]{0,3}(?:以上|以下)")
# `培育5家以上百亿级龙头企业`: a count in digits, then the size of the things counted (the list's
# `三个千亿级产业集群` after the three it names stays a count of things named).
# `建成50家三级医院`, `1家五星级酒店`: their grade.
_SIZED = re.compile(r"[一二两三四五六七八九]?[十百千万亿]+级|[一二三四五]星?级(?!以上|以下)|"
                    r"[一二两三四五六七八九]?[十百千]亿(?![元美])")  # 1个三千亿级, 7个千亿产业集群
_TASKS = ("重点任务", "任务", "年度任务", "重点工作")
_DONE_PROJECTS = re.compile(r"[^,，;；。]{0,12}实事[^,，;；。]{0,8}?(?:办结|完成)")
_COVERED_AFTER = re.compile(r"[^,，;；。\d]{0,16}?全(?:覆盖|部覆盖)")
# `我国上述三项数据已非常接近…目标`: the things listed before, counted again, state nothing.
_NAMED_BEFORE = re.compile(r"(?:上述|前述|以上|上列|这|此)$")
# `12项主要预期目标中11项较好完成`, `27项主要指标中,19项完成…`: how many of the document's
# items did.
_OWN_ITEMS_BEFORE = re.compile(r"(?:指标|任务|目标|实事)[,，]?"
                               r"(?:(?:中|其中)[,，]?(?:有|共有|共)?|有|共有|共)$")
# `从八个方面健全政策机制`: the parts of what the text itself sets out.
_ASPECTS = re.compile(r"个?方面")
# `7大类20项民生实事`, `环境改善类4项、公共安全类3项`: the kinds a list is sorted into.
_KINDS = re.compile(r"个?大(?:类|项|板块|领域)")
# Page furniture: a counter of readers, a path, an issue number (`公报2021·3`, `.pdf/58`).
# 高于目标2.1个百分点, 低于年度目标: a result measured against its target.
_GAP = re.compile(r"(?:高于|低于|快于|慢于|超过|超出|超|落后于?|差|塌|比)"
                  r"(?:全年|年度|年初|预期)?目标$|"
                  # 比“十一五”规划的目标低1个百分点
                  # 较年初目标高0.5个百分点
                  r"[比较][^,，;；。]{0,14}?目标(?:高|低|多|少|快|慢)(?:了|出)?$|"
                  r"比(?:全年|年度|年初)?计划(?:投资|数)?(?:高|低|多|少|快|慢)(?:了|出)?$")
# `还有大约0.5个百分点的提升空间`: the room left to a target, no value of the indicator.
_ROOM_BEFORE = re.compile(r"(?:还有|尚有|仍有)(?:大约|约)?$")
_ROOM_AFTER = re.compile(r"[^,，;；。\d]{0,4}?的?(?:提升|提高|增长|上升|下降|增加)?(?:空间|差距)")
# `123.jpg`: a picture's or a document's file name left on the page.
_FILE_NAME = re.compile(r"\.(?:jpe?g|png|gif|bmp|webp|pdf|docx?|xlsx?|pptx?|txt|html?)\b",
                        re.IGNORECASE)
_CAPTION = re.compile(r"(?:^|[\s:：见如详])(?:图|表|附表|专栏)\s*$")
_STRUCTURE = re.compile(r"[\d.]+(?:[:：∶][\d.]+){2,}")  # 三次产业结构为0.03:4.66:95.31
# `1+3+4现代产业体系`, `“2+26”城市`: numbers joined by `+` before a noun name a scheme.
_FORMULA = re.compile(r"\d+(?:\s?\+\s?\d+)+(?=[”\"’]?[\u4e00-\u9fff])")
_JOINS = "·•‧"  # 公报2021·3, 23•7: an issue number, a date as a name
_COUNTER = re.compile(r"(?:文章字数|字数|点击量|点击数|点击|浏览量|浏览次数|阅读量|阅读数|阅读|"
                      r"热度|查看|回复|评论|点赞|转发|收藏|签到天数|积分|帖子|主题|粉丝|关注|Rank|LV\.?)"
                      r"\s*[:：]?\s*$")
# `70人支持`, `8回复`: a page's counter of its readers' doings, after the number.
_COUNTED_READERS = re.compile(r"\s?(?:人)?(?:支持|点赞|评论|阅读|收藏|关注|转发|浏览|回复|参与)"
                              r"(?:\s|$)")
# `435 226 40@qq.com`: the digits of an e-mail address.
_MAIL = re.compile(r"[\d ]*@")
# A page's footer: `版权所有 © 2021 京ICP备…`, `Copyright 2002-2018 …`.
_COPYRIGHT = re.compile(r"(?:版[权權]所有|Copyright|All Rights Reserved|©|\([Cc]\))"
                        r"[^。!！?？;；]{0,40}$", re.IGNORECASE)
# `12-23   来自潍坊`: a comment's month and day, no range of figures.
_MONTH_DAY = re.compile(r"(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])")
# (`如 果`: a hard wrap's space; `假定…,那意味着…`: a supposition)
_CONDITION = re.compile(r"如\s?果|假\s?如|倘\s?若|一旦|假\s?设|假\s?定")
_CONSEQUENCE = re.compile(r"\s*(?:那么|那|则)")  # 如果…达到90万亿元,那么…将在2.25万亿元
_PAGE = re.compile(r"(?:^|\s)(?:Page|P\.|p\.|页码)\s*$|(?:页码|页数|文档页数)\s*[:：]\s*$")
_TAGS = re.compile(r"(?:关键词|关键字|标签|Tags?)\s*[:：]")
_CONVERTED = re.compile(r"(?:折合|约合)$")
# `…增加114天,相当于好天儿多了将近4个月`: the clause says it again in other words.
_RESTATED = re.compile(r"\s*(?:这|约|大约)?相当于")
# `初步测算,…相当于减少二氧化碳排放约26亿吨`, `项目建成后预计可带动就业3000人`, `经估算,…`: an
# estimate of what targets or works would bring (an effect), no target the text sets.
_ESTIMATED = re.compile(r"(?:初步|经|据|经初步|据初步|粗略)?(?:测算|估算|匡算|推算)"
                        r"(?:[,，:：]|表明|显示|结果显示)")
# (`相当于` before a verb of effect only: `研发经费支出相当于生产总值的比例` names an indicator.)
# (`预计可`, `有望` before what the work brings only: `有望突破3000亿元`, `今年预计可以达到…`
# forecast or estimate the indicator itself.)
_EFFECT = re.compile(r"相当于(?:每年|年)?(?:减少|节约|节省|减排|替代|少排|新增|增加|种植|植树|再造|"
                     r"多种|节能)|(?:可|能|将|预计|有望|可以)(?:直接|间接)?(?:带动|拉动)|"
                     r"(?:预计可|有望)(?:以)?(?:每年|年)?(?:新增|创造|吸纳|减少|节约|节省|替代|减排|"
                     r"增加就业|增收)")
# `将带动全国体育产业总规模达到5万亿元`: what the work brings a measured thing to, with its verb
# of reaching, is that thing's target, no estimate of an effect.
_LEVEL_OF_NAMED = re.compile(r"[^,，;；。\d]{0,16}?(?:" + alternation(cues.MEASURED)
                             + r")(?:将|要)?(?:达到|达|突破|超过|增至|提高到|提升至)\s*")
# After a `测算` lead, what the estimate says it would bring (`可减少`, `相当于减少`); a lead
# alone estimates a result (`据初步测算,全年地区生产总值增长5.2%`).
_EFFECT_OF = re.compile(f"{_EFFECT.pattern}|(?:可|能|将)(?:以)?(?:减少|节约|节省|替代|减排|新增|"
                        r"增加|降低|提高|实现)")
# `完成GDP2917.85亿元`: an indicator's abbreviation before its figure names no model or code.
_ABBREVIATED = re.compile(r"(?<![A-Za-z])(?:GDP|CPI|PPI)$")
# `续建新建百亿级项目20个`: the grade of the things counted, not an amount.
# (`百亿级项` is read with its 项: the rest is `目20个`; `跨入千亿级园区行列` is an amount.)
_GRADED = re.compile(r"(?:项?目|企业|集群|工程)[^,，;；。]{0,2}[\d〇零一二两三四五六七八九十百千]")
# `1600公里运营里程中,包括600公里市郊铁路和1000公里城市轨道交通`: the parts of a whole,
# each the amount of what its noun names.
# (`由7条首都放射线、11条纵线…组成`: the parts a whole is made of, likewise.)
_PARTS = re.compile(r"(?:包括|其中|由)[\d〇零一二两三四五六七八九十百千.]*[^\d,，;；。]{0,6}"
                    r"(?:和|、)?$")
# `覆盖大约99%的20万人口及以上的城市`: a share of the things covered.
_COVERS = re.compile(r"(?:覆盖|连通|惠及|通达)$")
# `5%左右的经济增速目标`, `首次跃上1.4万亿斤新台阶`: the noun after the figure says the figure
# is a target or a level reached, not that it describes a name (`N大关` stays a name:
# `跨越130万亿元大关` is a milestone passed).
_THRESHOLD_NAMED = re.compile(r"的?[^\d,，;；。、]{0,8}?(?:目标|新台阶)(?!任务)")

def other_reason(ctx: Ctx, phrase: Phrase, own: Around, near: Around) -> str:
    """Why the figure is no statement: '' when it is one."""
    return _name_part(ctx, phrase, own) or aside_reason(ctx, phrase) or \
        _description(ctx, phrase, own, near) or \
        _sets_nothing(ctx, phrase, own, near)


_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_NUMBERS_ONLY = re.compile(r"[\d.\s]+")
# `超过20多个省会城市的生产总值`, `相当于3个西湖的面积`: how many things a comparison measures
# against, not how many of anything there are to be.
_COMPARED_WITH = re.compile(r"[^,，;；。\d]{1,10}?的[^,，;；。\d]{0,6}?(?:总值|总量|总和|之和|水平|"
                            r"面积|规模|产值|收入|人口)")
_STRICT = frozenset({*cues.MORE_THAN, *cues.LESS_THAN, "相当于"})
# `每周参加1次及以上体育锻炼的人数将达到1200万人`, `年收入10万元以上的家庭数量增加到200万户`:
# a figure in the subject the figure after it measures.
_IN_SUBJECT = re.compile(r"[^,，;；。\d]{0,16}?的[^,，;；。\d]{0,8}?"
                         r"(?:人数|人口|比例|数量|比重|占比|面积|规模|总量|户数|家数|个数)"
                         r"(?:将|要|已|已经|累计|预计|力争)?"
                         r"(?:达到|达|提高到|提升到|增加到|增长到|超过|突破|不低于|不少于|保持在|"
                         r"为|增长|增加|提高|提升)[^,，;；。\d]{0,4}?\d")
_NONE_SAID = "a bare number no word of its line states anything of (a page's furniture)"


def _sets_nothing(ctx: Ctx, phrase: Phrase, own: Around, near: Around) -> str:
    """Figures that set nothing though nothing names them: in an English sentence that
    restates the Chinese text, a line of bare numbers (a page's counters), a bare number no
    cue leads in a short line, a count of what a comparison measures against, a figure in
    the subject of the figure after it."""
    shown, text = f"`{phrase.text}`", ctx.text
    latin = sum(len(w) for w in _LATIN_WORD.findall(text))
    if latin >= 20 and latin > 4 * sum(1 for c in text if is_cjk(c)):
        return f"{shown} is in an English sentence (it restates the text, it sets nothing)"
    bare = phrase.unit is None and phrase.measure == "none" and not phrase.bound \
        and not phrase.more and ctx.sentence.cell is None
    if bare and _NUMBERS_ONLY.fullmatch(text.strip()):
        return _NONE_SAID
    if bare and not own.chain and not own.distant and not near.chain and \
            len(text.strip()) <= _SHORT_LINE and not _MEASURED_BEFORE.search(
                text[:phrase.start - ctx.base]):
        return _NONE_SAID
    counted = phrase.unit is not None and phrase.unit.count
    if counted and own.chain and own.chain[0] in _STRICT and \
            _COMPARED_WITH.fullmatch(own.right.rstrip()):
        return f"{shown} counts what a comparison measures against (`{phrase.text}{own.right[:8]}`)"
    if not own.chain and _IN_SUBJECT.match(own.right):  # (`达到81.7%空气质量…`: a run-on)
        return f"{shown} describes the subject of the figure after it"
    return ""


_SHORT_LINE = 16
_MEASURED_BEFORE = re.compile("(?:" + "|".join((*cues.MEASURED, "系数", "值", "指标", "目标"))
                              + r")\s*[:：]?\s*$")


# `打造2至3个千亿级规模世界级商圈`: a grade right after a count is the class of the things counted.
# (A count in digits: `先进制造三个千亿级产业集群` after the three it names counts things named.)
_COUNT_BEFORE = re.compile(r"\d[\d至到\-—~]*\s*(?:"
                           + alternation(cues.COUNT_WORDS) + ")$")
# `3-5所高校综合排名进入全国前50名`: a place among the first so many is a rank.
_RANK_TOP = re.compile(r"(?<!提)前\s?$")
_RANK_BEFORE = re.compile(r"排名(?:全国|全市|全省|全区|全球|世界)?第?$")  # 排名全国78位


def _name_part(ctx: Ctx, phrase: Phrase, own: Around) -> str:
    """A figure that belongs to a name, an ordinal, a quote, a code or a list's heading."""
    text, start = ctx.text, phrase.start - ctx.base
    before, shown = text[max(0, start - 1):start], f"`{phrase.text}`"
    if re.search(r"第[ \t]{0,2}$", text[max(0, start - 3):start]) or (  # 第4位, `第 15 条`
            _RANK_BEFORE.search(text[max(0, start - 6):start]) and
            re.search(r"[位名]", phrase.text[-1:] + text[end_of(phrase, ctx):][:1])):  # 78位
        return f"{shown} is an ordinal"
    if _RANK_TOP.search(text[max(0, start - 2):start]) and \
            re.match(r"[名位强]", phrase.text[-1:] + text[end_of(phrase, ctx):][:1]):
        return f"{shown} is a rank (`前{phrase.text}`)"
    listed = text[end_of(phrase, ctx):][:2]
    if phrase.unit is None and phrase.measure == "none" and listed[:1] == "、" \
            and (start == 0 or text[start - 1] in " \t。!！?？:：;；" or
                 (is_cjk(text[start - 1]) and listed[1:] and is_cjk(listed[1])
                  and len(phrase.text) <= 2)):  # …快速发展1、学前三年…: glued to a heading
        return f"{shown} numbers a list (`{phrase.text}、`)"
    if phrase.unit is None and phrase.measure == "none" and listed[:1] == "." and \
            is_cjk(listed[1:2] or "a") and len(phrase.text) <= 2 and \
            (start == 0 or text[start - 1] in " \t\u3000。;；"):  # 。 1.壮大实体经济
        return f"{shown} numbers a list (`{phrase.text}.`)"
    named = _FILE_NAME.match(text, end_of(phrase, ctx))
    if named:
        return f"{shown} names a file (`{phrase.text}{named.group()}`)"
    if _GAP.search(text[max(0, start - 12):start]) or (
            _ROOM_BEFORE.search(text[max(0, start - 6):start]) and
            _ROOM_AFTER.match(text, end_of(phrase, ctx))):
        return f"{shown} is a gap to the target, not a value of the indicator"
    if _CAPTION.search(text[max(0, start - 3):start]) and phrase.unit is None:
        return f"{shown} numbers a chart or a table"
    if any(m.start() <= start < m.end() for m in _STRUCTURE.finditer(text)):
        return f"{shown} is part of a structure (`a:b:c`)"
    formula = next((m for m in _FORMULA.finditer(text) if m.start() <= start < m.end()), None)
    if formula is not None:
        return f"{shown} is part of a name's formula (`{formula.group()}`)"
    if re.search(r"(?:号[-—]|ICP备|备案号)$", text[max(0, start - 4):start]):
        return f"{shown} is part of a registration code"
    if _COPYRIGHT.search(text[max(0, start - 48):start]):
        return f"{shown} stands in the page's copyright line"
    if before == "〔" and text[end_of(phrase, ctx):][:1] == "〕":  # 平政发〔2025〕6号
        return f"{shown} is part of a document's number (`{text[max(0, start - 4):start + 8]}`)"
    if _CONDITION.search(text[own.clause_start:start]) or (
            _CONSEQUENCE.match(text, own.clause_start) and
            _CONDITION.search(text[max(0, own.clause_start - 60):own.clause_start])):
        return f"{shown} is in a condition (`如果…`), not a statement"
    end = phrase.end - ctx.base
    if _COUNTER.search(text[max(0, start - 8):start]) or \
            ((phrase.unit is None or phrase.unit.text == "人") and \
            _COUNTED_READERS.match(text[end:end + 5])):
        return f"{shown} counts a page's readers"
    if _MAIL.match(text[end:end + 12]):
        return f"{shown} is part of an e-mail address"
    if phrase.high is not None and phrase.unit is None and phrase.measure == "none" and \
            _MONTH_DAY.fullmatch(phrase.text) and not text[end:end + 1].strip():
        return f"{shown} is a month and a day"
    if phrase.unit is None and phrase.measure == "none" and before in ")）" and before and \
            not text[end:].strip():
        return f"{shown} numbers a picture under its caption"
    if (_PAGE.search(text[max(0, start - 6):start]) and phrase.unit is None) or \
            _alone(ctx, phrase):
        return f"{shown} numbers a page or counts its readers"
    if _TAGS.search(text[:start]):
        return f"{shown} stands in a page's list of keywords"
    estimate = _ESTIMATED.search(text[:start])
    effect = _EFFECT.search(text, own.clause_start, start)
    if (effect and not _LEVEL_OF_NAMED.fullmatch(text, effect.end(), start)) or (
            estimate and _EFFECT_OF.search(text[estimate.end():start])):
        return f"{shown} estimates what the work would bring (`测算`, `带动`), it sets nothing"
    if _CONVERTED.search(text[max(0, start - 2):start]) or \
            _RESTATED.match(text[own.clause_start:start]):
        return f"{shown} restates the figure before it in another unit"
    after = text[end:end + 1]
    if before and after and before in "[【" and after in "]】":
        return f"{shown} marks a reference (`[{phrase.text}]`)"
    if (after and after in _JOINS) or (before and before in _JOINS) or \
            re.search(r"[A-Za-z.]/$", text[max(0, start - 2):start]):
        return f"{shown} is part of an issue number or a path (`{text[max(0, start - 4):end + 2]}`)"
    if before and (before.isascii() and before.isalpha()) and \
            not _ABBREVIATED.search(text[max(0, start - 4):start]):
        return f"{shown} is part of a name (`{text[max(0, start - 2):phrase.end - ctx.base]}`)"
    if _quoted(text, start):
        return f"{shown} stands inside a quoted term"
    if own.follows == "letter" or (own.follows == "name" and not _measured(phrase)):
        return f"{shown} is part of a name (`{phrase.text}{own.right[:3]}`)"
    if phrase.chinese and own.right[:1] and own.right[0] in "“\"‘" and phrase.value < 10:
        # 三张“金名片”: a few of a quoted kind name things, they count nothing
        return f"{shown} is part of a name (`{phrase.text}{own.right[:5]}`)"
    if _in_parens(text, start, phrase.end - ctx.base):
        return f"{shown} in parentheses counts what is listed"
    if own.follows == "replaced":
        return f"{shown} is a value the text replaces (`调整为`)"
    if phrase.measure == "level" and (not money_level(phrase) or _GRADED.match(own.right) or
                                      _COUNT_BEFORE.search(text[max(0, start - 8):start])):
        return f"{shown} is a grade, not an amount"
    if phrase.chinese and phrase.text[-1:] in ("亿", "万") and \
            _COUNT_BEFORE.search(text[max(0, start - 8):start]):
        return f"{shown} is a grade, not an amount"  # 7个千亿产业集群: the class of the seven
    if (phrase.unit is None and phrase.measure == "none" and len(str(phrase.value)) >= 5 \
            and phrase.value.denominator == 1 and not own.chain) or \
            (phrase.text.startswith("0") and not phrase.text.startswith("0.")) or \
            (phrase.high is not None and phrase.high < phrase.value):
        return f"{shown} is a code or an identifier"
    return ""


def _alone(ctx: Ctx, phrase: Phrase) -> bool:
    """A bare number that is all of its line (`11`, `0` under a headline, `1万` under a
    forum user's name: a counter of shares, readers or posts), outside a table's cells."""
    unit = phrase.unit
    bare = (unit is None and phrase.measure == "none") or \
        (unit is not None and unit.text in cues.SCALE_WORDS and unit.base is None)
    return ctx.sentence.cell is None and bare and ctx.text.strip() == phrase.text


def _measured(phrase: Phrase) -> bool:
    """`50座环卫公厕`, `24个路口`: after a measure word, `环` or `路` begins the noun counted,
    not a name's suffix (`五环`, `8号线`)."""
    return phrase.unit is not None and phrase.unit.text in cues.COUNT_WORDS


# `50平方公里以上建设用地面积达到海绵城市建设目标要求`: an amount before a noun of extent that
# then reaches a state is how much of it does, not a description of the noun.
_AMOUNT_OF = re.compile(r"[^,，;；。\d]{0,12}?(?:面积|规模|用地|总量)(?:达到|实现|完成|建成|纳入)")


_OR_FIGURE = re.compile(r"(?:或者|或是|或)\s*[\d〇零一二两三四五六七八九十]")


# `2至3岁幼儿`, `60岁老人`: an age before the people of that age.
_AGED = re.compile(r"(?:的)?(?:婴幼儿|幼儿|儿童|老年|老人|人口|人群|学生|青少年|妇女|孩子|"
                   r"托班|学龄)")


# A numeral right after a count (`5个三千亿级`, `9000家零工市场` has none: 零工 is gig work).
_NUMERAL_AFTER = re.compile(r"\d|[〇一二两三四五六七八九十百千]|"
                            r"零(?=[〇零一二两三四五六七八九十百千万亿\d])")


# `污水处理率达到95%以上等计划`: what the figures before `等` were called — no noun they describe.
_LISTED_AS = re.compile(r"等[^\d,，;；。]{0,6}?(?:计划|任务|目标|指标|要求)")


def _description(ctx: Ctx, phrase: Phrase, own: Around, near: Around | None = None) -> str:
    """A figure that describes a name or the subject of another figure."""
    shown, counted = f"`{phrase.text}`", phrase.unit is not None and phrase.unit.count
    noun = own.follows == "noun"
    if (counted and _ASPECTS.match(own.right) and not phrase.bound) or \
            _KINDS.match(own.right) or \
            (counted and phrase.unit is not None and phrase.unit.text in ("项", "件") and
             ctx.text[:phrase.start - ctx.base].endswith(("类", "类别")) and
             not ctx.text[:phrase.start - ctx.base].endswith("大类")):  # 10大类52项: the whole
        return f"{shown} counts the parts of what the text sets out"
    if noun and phrase.unit is not None and phrase.unit.text == "岁" and (
            phrase.high is not None or _AGED.match(own.right)):  # 2至3岁幼儿托位: their ages
        return f"{shown} describes the name that follows (`{phrase.text}{own.right[:6]}`)"
    if _GOES_ON.match(own.right):  # 在目前的50%以上再提高: a level the sentence goes on from
        return ""
    if _OR_FIGURE.match(own.right):  # 都在5%左右或者5%以上: one of two figures, no description
        return ""
    if own.right.startswith(("之间", "区间")):  # 城镇化率处在60%—70%之间: a range it lies in
        return ""
    if phrase.unit is not None and not counted and _AMOUNT_OF.match(own.right):
        return ""  # 50平方公里以上建设用地面积达到…要求: that much of the land, no description
    if own.follows == "of" and phrase.bound in ("以上", "以下") and phrase.unit is not None \
            and phrase.unit.text == "%":  # 70%以上的地级及以上城市全面消除…: a share of them
        return ""
    if own.follows == "of" and own.chain and all(w in cues.PREFIX_BOUNDS for w in own.chain) \
            and not ctx.text[:own.chain_start].endswith("有") and \
            not _THRESHOLD_NAMED.match(own.right) and not re.match(cues.RATE_AFTER, own.right) and \
            not (phrase.unit is not None and phrase.unit.text == "%" and
                 _COVERS.search(ctx.text[:own.chain_start])):
        return f"{shown} describes the name that follows (`{phrase.text}{own.right[:6]}`)"
    if noun and counted and (not own.chain or own.chain[0] in _SETTING) and \
            _OWN_ITEMS.match(own.right) and \
            not ((own.distant in _DOING or _COUNT_VERB.search(own.right)) and
                 (own.right.lstrip("项个").startswith(_TASKS) or
                  _DONE_PROJECTS.match(own.right))):  # 9项任务提前完成, 42项…实事项目顺利办结: done
        return f"{shown} counts the document's own items"
    if counted and _OWN_ITEMS_BEFORE.search(ctx.text[:phrase.start - ctx.base]):
        return f"{shown} counts the document's own items"
    if counted and ctx.text[:phrase.start - ctx.base].endswith("等") and \
            _COVERED_AFTER.match(own.right):  # 菜篮子等八项…服务功能全覆盖: the things covered
        return f"{shown} counts the things the text named before (`等{phrase.text}`)"
    if counted and _NAMED_BEFORE.search(ctx.text[:phrase.start - ctx.base]):
        return f"{shown} counts things the text named before (`{phrase.text}{own.right[:4]}`)"
    if noun and counted and _NUMERAL_AFTER.match(own.right) and \
            not _DESCRIBED.match(own.right) and not _ONE_WORD.match(own.right) and \
            not (phrase.text[:1].isdigit() and _SIZED.match(own.right)):
        return f"{shown} counts the figures after it (`{phrase.text}{own.right[:4]}`)"
    if noun and _figure_follows(own):
        return f"{shown} describes the subject of the figure after it"
    if noun and phrase.chinese and _PROGRAMME.match(own.right):
        return f"{shown} is part of the name of a programme (`{phrase.text}{own.right[:8]}`)"
    if share_of_noun(phrase, own):  # 55%床位将向失能老人倾斜: that share of the beds will
        return ""
    if noun and phrase.bound in ("以下", "以上") and not counted and \
            not _LISTED_AS.match(own.right):  # 3岁以下婴幼儿 (not 95%以上等计划: the plans listed)
        return f"{shown} describes the name that follows (`{phrase.text}{own.right[:6]}`)"
    led = (near is not None and near is not own and bool(near.chain)) or _listed(ctx, phrase, own)
    if own.follows in ("noun", "of") and not own.chain and not own.distant and not led \
            and not _counted_and_reported(phrase, _last_listed_share(ctx, phrase, own)) \
            and not _THRESHOLD_NAMED.match(own.right) \
            and not subject_predicate(ctx, phrase, own) and not _extent_covered(ctx, phrase) \
            and not _PARTS.search(ctx.text[max(0, own.clause_start):phrase.start - ctx.base]):
        return f"{shown} describes the name that follows (`{phrase.text}{own.right[:6]}`)"
    return ""


# `机构养老55%床位将向失能失智老人倾斜`, `30%的资金要用于…`: a share of the noun right after
# it that a verb ahead says what becomes of (not the 应 of `应急`, `应用`, `应对`).
_SHARE_THEN_MODAL = re.compile(r"的?[\u4e00-\u9fff]{1,6}?"
                               r"(?:将|要|应(?![急用对届])|须|必须|需|必将|应当)")


def share_of_noun(phrase: Phrase, own: Around) -> bool:
    """A percentage right before its noun, with a verb ahead after it: the share of that noun."""
    return phrase.unit is not None and phrase.unit.text in ("%", "％") and not own.chain and \
        own.follows in ("noun", "of") and bool(_SHARE_THEN_MODAL.match(own.right))


# (after a short subject: `各区至少有1个综合商圈和1条步行街`)
_LEVEL_LEAD = re.compile("^[^\\d,，;；。、]{0,4}?("
                         + alternation({*cues.LEVEL_TARGET, *cues.AT_LEAST})
                         + r")[\d〇零一二两三四五六七八九十百千]")


# (`该区新布局3平方公里…、2平方公里…`: a verb of work `新` marks, as `around` reads it)
_NEW_LEAD = re.compile(r"^[^\d,，;；。、]{0,4}?" + NEW_WORK.pattern.removesuffix("$") + r"(?=\d)")


def _listed(ctx: Ctx, phrase: Phrase, own: Around) -> bool:
    return bool(listed_verb(ctx, phrase, own))


def listed_verb(ctx: Ctx, phrase: Phrase, own: Around) -> str:
    """`实施60万亩封山育林、15万亩山区造林`: the verb before the list's first figure leads
    each figure that opens a part of the list; '' when there is none."""
    start = phrase.start - ctx.base
    if start == 0 or ctx.text[start - 1] not in "、和及":  # `…1个综合商圈和1条步行街`
        return _parallel_lead(ctx, own.clause_start, start)
    lead = ctx.text[own.clause_start:start].lstrip()
    found = _LEVEL_LEAD.match(lead) or _NEW_LEAD.match(lead)
    return found.group(1) if found else ""


# (a clause's lead verb of work, whatever follows it; not the copulas `为`, `是`, `有`)
_COPULAS = frozenset({"为", "是", "有", "共", "到", "达"})
_CLAUSE_VERB = re.compile("^[^\\d,，;；。、]{0,4}?("
                          + alternation(set(cues.LEVEL_TARGET) - _COPULAS) + ")")
_PARALLEL_REACH = 4  # clauses looked back through


def _parallel_lead(ctx: Ctx, clause_start: int, start: int) -> str:
    """`打造以A为主的1个…,以B为主的2个…,以C为主的4个…`: a clause without a verb that opens as
    the one before it did after its verb, with the same words right before its figure, is a
    part of one list and shares that verb ('' when there is none)."""
    text, opening = ctx.text, ctx.text[clause_start:start]
    if len(opening) < 3 or not text[start:start + 1].isdigit():
        return ""
    for _ in range(_PARALLEL_REACH):
        if clause_start < 2 or text[clause_start - 1] not in ",，":
            return ""
        before = text[:clause_start - 1]
        previous = before[max(before.rfind(c) for c in ",，;；。") + 1:]
        verb = _CLAUSE_VERB.match(previous)
        rest = previous[verb.end():] if verb else previous
        figure = re.search(r"\d", rest)
        if figure is None or rest[:1] != opening[:1] or \
                rest[:figure.start()][-2:] != opening[-2:]:
            return ""
        if verb is not None:
            return verb.group(1)
        clause_start -= len(previous) + 1
    return ""


_GOES_ON = re.compile(r"(?:的基础上|基础上|再|又|还|进一步)")
_PROGRAMME = re.compile(r"[^,，;；。]{0,12}(?:工程|行动|计划|项目|战略)")
_COUNT_VERB = re.compile("|".join(cues.COUNT_VERBS))


# `北京79处自然保护地串联成…`, `立景创新等258个项目动工`, `3015公里绿道串联起…`: a clause whose
# subject a count or an extent opens — nothing before it but a short place (no `的`, no verb of
# having) or a list of names closed by `等` —, then the noun counted and the predicate.
_LEAD_PLACE = r"[^\d,，;；。的有在对从为]{0,4}"
# The noun may gloss its kinds in brackets (`县(市、区)`), and subjects of counts joined by `和`
# share the predicate (`21个市(州)和183个县(市、区)…全面达标`: each count opens a subject).
_NOUN_CHAR = r"(?:[^\d,，;；。的、(（]|[(（][^)）\d]{1,8}[)）])"
_JOINED_COUNT = rf"\d+(?:\.\d+)?{_NOUN_CHAR}{{1,12}}?(?:和|及|与)"
# (A headline's dash ends what comes before it: `到2030年——力争30个县…全面达标`.)
_SUBJECT_LEAD = re.compile(rf"(?:[^,，;；。]*——)?\s*(?:{_LEAD_PLACE}(?:{_JOINED_COUNT})*|"
                           r"[^,，;；。]*等)\s*$")
_PREDICATE_OPENS = "(" + alternation((*cues.PREDICATE_ADVERBS, *cues.ALL_OF_THEM,
                                       *cues.PREDICATE_VERBS)) + ")"
_NOUN_THEN_PREDICATE = re.compile(rf"(?:{_NOUN_CHAR}{{1,12}}?(?:和|及|与)\d+(?:\.\d+)?)*"
                                  rf"{_NOUN_CHAR}{{1,12}}?" + _PREDICATE_OPENS)
# `其中,20余个项目将在明年完工`: a short noun, then what the things will do (a longer one may
# be a name the count describes: `9个实验室承载空间年底将封顶`).
_NOUN_THEN_WILL = re.compile(rf"{_NOUN_CHAR}{{1,4}}?(将)")
# `…等20处花园式示范街区,…等100条城市画廊,以及100处…微花园相继落成`: the parts of a subject
# listed clause by clause share the predicate of the last, which `以及` (`和`, `及`) opens.
_NOUN_ALONE = re.compile(r"[^\d,，;；。的、]{1,12}")
_LISTED_ON = re.compile(r"(?:[,，][^;；。]{0,80}?)?[,，](?:以及|及|和|还有)[^,，;；。]{0,40}?"
                        + _PREDICATE_OPENS)


def subject_predicate(ctx: Ctx, phrase: Phrase, own: Around) -> str:
    """How many things (or how long, how large) the subject of the clause is, in digits: a
    measure of the things that then do something, no description of a name.  The word that
    opens the predicate, or ''."""
    word = phrase.unit
    if word is None or phrase.chinese or own.chain or own.distant or phrase.bound or \
            word.text == "次":  # `4次视察`: how often, an adverb of the verb after
        return ""
    extent = word.count or (word.base is not None and word.base.dimension in ("area", "length"))
    start = phrase.start - ctx.base
    if not extent or not _SUBJECT_LEAD.fullmatch(ctx.text, own.clause_start, start):
        return ""
    found = _NOUN_THEN_PREDICATE.match(own.right) or _NOUN_THEN_WILL.match(own.right)
    if found is None and _NOUN_ALONE.fullmatch(own.right.rstrip()):
        found = _LISTED_ON.match(ctx.text, own.clause_end)
    return found.group(1) if found else ""


def _extent_covered(ctx: Ctx, phrase: Phrase) -> bool:
    """`串联成覆盖3680平方公里的生态网络`: an area or a length right after a verb of covering is
    how much the thing covers, no description of it."""
    base = phrase.unit.base if phrase.unit is not None else None
    start = phrase.start - ctx.base
    return base is not None and base.dimension in ("area", "length") and not phrase.chinese \
        and bool(_COVERS.search(ctx.text, max(0, start - 2), start))


# `99%的社区卫生服务中心、98%的乡镇卫生院、…74.5%的村卫生室能够提供…`: shares of things
# listed with `、`, the verb after the last.
_LISTED_SHARES = re.compile(r"(?:[^,，;；。、\d]{1,14}、[\d.]+%)+")


def _last_listed_share(ctx: Ctx, phrase: Phrase, own: Around) -> Around:
    """The words after a share of things as the last share of its `、` list has them, so that
    the shares listed share the verb after the last."""
    end = phrase.end - ctx.base
    listed = _LISTED_SHARES.match(ctx.text, end, own.clause_end)
    if phrase.unit is None or phrase.unit.text != "%" or listed is None or \
            not _SHARE_OF_THINGS.match(own.right):
        return own
    return replace(own, right=ctx.text[listed.end():own.clause_end][:len(own.right)])


def _counted_and_reported(phrase: Phrase, own: Around) -> bool:
    """`22个高品质公园建成开园`: a count of things, then what happened to them;
    `17.6平方公里…用地可以上市`: an amount, then what can be done with it."""
    counted = phrase.unit is not None and phrase.unit.count and bool(_COUNT_VERB.search(own.right))
    share = phrase.unit is not None and phrase.unit.text == "%"
    shared = share and ((bool(_SHARE_OF_THINGS.match(own.right)) and
                        bool(_SHARE_VERB.search(own.right))) or
                        bool(_SHARE_VERB.match(own.right)))  # 中小学校100%配备…: that share does
    return counted or shared or bool(_PREDICATE.match(own.right))


# `全市85%左右县(市、区)创建成…`: a share of the things counted, then what becomes of them.
# (after a short qualifier of the things: `75%的国家级园区开展循环化改造`)
_SHARE_OF_THINGS = re.compile(r"的?(?:[^,，;；。的\d]{1,4}?)?"
                              r"(?:县|区|市|乡镇|镇|村|学校|中小学|幼儿园|企业|医院|社区|园区|"
                              r"城市|行政村|建制村|自然村|街道|街镇|小区|家庭|农户|单位|机构|楼宇)")
# `全区95%的行政村通达客运班车`: what a share of the things reaches (with the count verbs).
_SHARE_VERB = re.compile(_COUNT_VERB.pattern + r"|通达|通(?=[公客班硬宽5天燃自])|覆盖|接入|具备|"
                         r"开通|配备|拥有|享有")


_PREDICATE = re.compile(r"[^,，;；。的]{1,16}?(?:可以|可|已经|已|能够|正在)")


def _in_parens(text: str, start: int, end: int) -> bool:
    return text[start - 1:start] in "(（" and text[end:end + 1] in ")）" and start > 0


# `增长目标为“7%以上,力争达到8%”`, `成长目标「5％左右」`, `落实好“新增2万个中小学学位”…任务`: a
# quote that opens on a figure with its bound, or on a verb of change and a figure, quotes
# the target's own words; a term in quotes (`“百亿提升”`, `“三种气源、八大通道”`) does not.
_QUOTED_STATEMENT = re.compile(r"\s*(?:(?:力争|确保|争取)?(?:达到|达|增长|提高到|提升至|控制在|"
                               r"新增|新建|增加|降低|下降|减少)\s*)?[\d.]+\s*[^\d,，;；。]{0,4}?"
                               r"(?:以上|左右|以内|以下|之内)|"
                               r"\s*(?:新增|新建|增加|提高|降低|下降|减少|建成|完成)\s*[\d.]+")


def _quoted(text: str, start: int) -> bool:
    for left, right in (("“", "”"), ("「", "」"), ("『", "』"), ("‘", "’")):
        opened = max(text.rfind(left, 0, start), text.rfind("\"", 0, start) if left == "“" else -1)
        closed = text.rfind(right, 0, start)
        ends = text.find(right, start)
        if opened > closed and ends > 0 and (ends - opened < 16 or (
                ends - opened < 28 and not re.search(r"[,，。;；:：]", text[opened:ends]))):
            # `建成“三种气源、八大通道、10兆帕大环”的…体系`: a slogan's parts
            return not _QUOTED_STATEMENT.match(text, opened + 1, ends)
    return False


def end_of(phrase: Phrase, ctx: Ctx) -> int:
    return phrase.end - ctx.base


def money_level(phrase: Phrase) -> bool:
    return phrase.scale >= 10**8 or (phrase.unit is not None and "元" in phrase.unit.text)


_VERB_THEN_FIGURE = re.compile(r"(?:完成|达|增长|实现|为|超过|突破|提高|下降|新增|增加)"
                               r"[^,，;；。、]{0,12}?"
                               r"[\d〇零一二两三四五六七八九十百千](?![级类星])")  # not 达到三级


def _figure_follows(own: Around) -> bool:
    """`66家规上企业完成工业产值1466.5亿元`: 66 names the subject of the output that follows."""
    rest = own.right_segment
    return not own.starting and bool(_VERB_THEN_FIGURE.search(rest)) and \
        not re.match(r"[^\d]{0,12}的", rest)

