"""When: whether a statement is a target or a reported value, and which period it is of.

In: a sentence (`Ctx`), the context of a statement in it, and the document's
marks (years, parts of years).  Out: `kind_at` — `target` or `actual`, read from,
in this order: a starting value (`由…`), a word of its clause that reports
(`同比`, `已`, `初步预计`) or plans (`力争`, `预计`), the sentence before it
(`五年来`, `到2025年`), its year against the last year the document reports on,
the section or list it stands in, the kind of document — and `period_at`, the
period as the data contract writes it.  Imports `context`, `cues`, `periods`,
`sentences`.
"""

from __future__ import annotations

import re
import sys

from checker.tools.extract import cues
from checker.tools.extract.context import Around, Ctx, clause_of
from checker.tools.extract.leans import looked_ahead
from checker.tools.extract.periods import Mark, period_text
from checker.tools.extract.sentences import Document

SENTENCE_WINDOW = 200  # characters before a statement searched for sentence-level cues
# `增加到2024年的43.8万亿元`: 到 after a verb of change names where the change ends, not a
# deadline.
_NOT_A_CHANGE = r"(?<!增加|提升|提高|增长|上升|下降|降低|减少|扩大|缩小)(?<![增升降减])"
# `争取增发国债项目69个`, `为企业争取融资、贷款超300亿元` in a review: funds or projects secured,
# not a goal strived for.
_SECURED = r"争取(?![^,，;；。\d]{0,10}(?:项目|资金|国债|债券|专项|补助|奖补|融资|贷款|信贷|授信))"
# `到“十四五”末`, `到十五五期末`, `到今年底`: the end of a plan's span or of the year, a deadline
# as `到2025年` is.
_SPAN_END = (r"到\s?[“\"]?十[一二三四五六七八九]五[”\"]?(?:时期)?(?:末|期末)|"
             r"到(?:今年|本年|明年)?(?:年)?底")
_STRONG_FUTURE = re.compile(rf"{_NOT_A_CHANGE}到\s?20\d\d|{_SPAN_END}|到二〇|力争|确保|"
                            rf"{_SECURED}|努力|"
                            r"(?<![即必])将(?!近)|规划期末|"
                            r"(?<![一])再(?=提高|提升|增加|减少|降低|下降|压减|减|缩短|扩大)|"
                            r"(?<![主重需只想纲概])要(?![求素点])|拟|预计|计划|目标|预期(?!寿命)|安排|力求|正在|"
                            # `区域内规划产业空间143万平方米`: a planned quantity, set by a plan
                            r"(?<![的总])规划(?!范围)(?=[\u4e00-\u9fff]{2,8}?(?:超过|超|近|约|达到|达|为)?\d)")
# `未来五年`, `今后5年`: the span ahead; `规划近期 2010 年…`, `远期目标`: a master plan's phases.
_AHEAD = re.compile(rf"{_NOT_A_CHANGE}到\s?20\d\d\s?年|{_SPAN_END}|力争到|预期目标|目标是|"
                    r"主要目标|目标为|"
                    r"(?<![即必])将(?!近)|(?<![主重需只想纲概])要(?![求素点])|"
                    r"(?:未来|今后)[一二三四五六七八九十\d]+年|规划(?:近期|中期|远期)|"
                    r"(?:近期|中期|远期)(?:目标|规划)")
# `力争用三年时间,…达到1500家`, `计划实施重点项目120个,完成投资300亿元以上`, `会议要求,全年…`:
# a word that plans in a clause before the figure's, in the same sentence, plans the figures after
# it too (read after the words that report, so `已`, `同比` of the figure's own clause still win).
_LEAD_PLAN = re.compile(r"力争|确保|(?:努力|争取)(?=用|通过|经过|到|实现|达到|完成|使|把)|"
                        r"(?:会议|文件|通知|意见|方案|规划|纲要)(?:还|并|进一步)?"
                        r"(?:要求|强调|部署|明确)[,，:：]")
# Neither in a review, where they say how the work was done (`分厘必争确保…数据应统尽统`) and
# `计划` names plans carried out (`完成年度计划`).
_LEAD_PLAN_WEAK = re.compile(r"(?<![的年度])计划(?!单列|生育|内|外|的)")
_LEAD_FORECAST = re.compile(r"(?<!初步)预计")
# (`福田加氢站就已正式投运,该站…占地面积1700平方米`: what is in use already is described)
# `五年来`, `五年间`, `…以来`, `2016年…启动建设至今`: a span that ends now, looked back on.
_SPAN_BEHIND = r"[一二三四五六七八九十\d]+年(?:来|间)|以来|(?<![截])至今(?!年|后)"
_SINCE = re.compile(rf"{_SPAN_BEHIND}|今年来|截至|截止|同比|初步预计|初步核算|"
                    r"已(?:经)?(?:正式)?(?:投运|投用|投产|启用|开通运营|建成投用)")
_ACHIEVED = re.compile(r"(?:实现|完成|达到)[^,，;；。]{0,20}?(?:目标|任务)")
# Words with 计划 or 目标 that measure a result against the plan (`占计划的100%`,
# `高于目标2.1个百分点`, `完成年度计划的105%`): they report, they plan nothing.
_AGAINST_PLAN = re.compile(r"(?:占|为|完成|达到|超|超过|完成了)(?:全年|年度|年初)?(?:计划|目标)"
                           r"(?:的|任务的)|(?:高于|低于|快于|慢于|超过|超出|落后于?|比)(?:全年|年度|年初|预期)?目标")
_NOT_FUTURE = re.compile(f"{_ACHIEVED.pattern}|{_AGAINST_PLAN.pattern}")
# `一般公共预算支出规模将首次达到30万亿元`: a first time ahead plans, it reports nothing.
_PAST = re.compile("|".join(re.escape(w) if w != "首次" else "(?<![将要拟望])首次"
                            for w in cues.PAST) + f"|已(?=[{cues.PAST_AFTER_YI}])")
# A sentence that opens on its targets (`预期目标是,…同比增长7%`, `目标:…`, `依据规划,…`):
# what follows in it is a target, whatever its words of change say (`同比` of a target).
_TARGETS_FOLLOW = re.compile(r"(?:预期|主要|发展|总体|工作)?目标(?:是|为)[:：,，]?|"
                             r"目标方面[:：,，]|(?<![的])目标[:：]|^\s*(?:主要|发展|总体)?目标[,，]|"
                             r"(?:根据|依据|按照|依照)(?:《[^》]{1,40}》|规划|纲要)[,，]|"
                             r"(?:《[^》]{1,40}》|规划|纲要|方案|意见|指导意见|通知|行动计划|"
                             r"实施计划|文件)(?:草案)?(?:还|并|进一步)?"
                             r"(?:明确|提出|要求|新增|确定)(?![的了])[:：,，]?|"
                             r"(?<![的])提出(?![的了])(?=[^,，;；。]{0,30}?(?:达到|控制在|提高到|不低于|增长))|"
                             # `成都提出稳定住房供应规模,住宅用地供应比重不低于60%`: a sentence
                             # that opens on what a place or a body proposes
                             # (not a report's words: `报告提出,2025年,…` reviews)
                             r"^\s*(?![^,，]{0,6}?(?:报告|会议|讲话|文章|公报|记者|负责人))"
                             r"[^\d,，;；。:：“”《》]{1,6}?(?:还|并|进一步)?提出(?![的了过])|"
                             # `为北京设立了2017年目标,年均浓度控制在60微克/立方米左右`: a year's
                             # target named, then stated; `红线划定:较2015年减三成`: a line drawn
                             r"(?:19|20)\d\d年(?:的|度)?目标[,，]|"
                             r"(?:红线|底线|天花板|上限|目标|任务)[”\"]?(?:划定|确定|定出|敲定|出炉|揭晓)[:：]")
# `超额完成PM2.5平均浓度同比下降4%、重污染天数同比减少6%的改善目标`: the figures say what
# the target named after them is, whatever the words that report its completion.
_OF_A_TARGET = re.compile(r"[^,，;；。]{0,24}?的[^,，;；。的]{0,4}(?:目标|任务|要求)(?!的)")
# `把新增6000个托位列入政府实事`, `将…纳入年度重点任务`: a figure listed among the year's work
# is work to do, whenever the listing is reported.
_LISTED = re.compile(r"[^,，;；。]{0,24}?(?:列入|纳入|列为|写入)[^,，;；。]{0,10}?"
                     r"(?:实事|计划|目标|任务)")
# `目前的50%以上再提高约5个百分点`: 目前 says what its own figure is, not the others'.
_NOW_OF = re.compile(r"目前的?(?=[\d〇零一二两三四五六七八九十])")
_COUNTED = frozenset({"one", "wan"})
# `报告显示,制造业增加值占GDP比重提升至27.8%`: what a report or the data show is a result,
# unless a deadline or a word that plans follows the cue (`报告指出,到2025年…`); a work
# report's words (`政府工作报告指出,城镇调查失业率5.5%左右`) set the year's targets.
_SHOWN = re.compile(r"(?:(?<!工作)报告|评估|数据|统计|监测|调查|结果)(?:显示|指出|表明)[,，:：]")
_PAST_SPAN_AFTER = re.compile(r"十三五”?(?:时期|期间)(?!规划|的规划|目标|的目标)")
_WHOLE_YEAR = re.compile(r"预计全年|全年预计(?!将|要)")  # 全年预计将新增…: a plan
_DATED = frozenset({"year", "month", "part", "relative", "date"})
# In a review (`五年来,…`, a section `…工作回顾`) these name plans carried out (`安排重点工程283项`,
# `实施…三年行动计划`), they set nothing ahead; `将`, `到2025年`, `力争` still do.
_WEAK_FUTURE = frozenset({"计划", "目标", "安排", "预期", "正在"})
# `2015 年在 315 万人以内`: a figure held within a bound is capped, as `控制在…` is.
# `…幼儿托位6000个……记者近日获悉,2023年北京市民生实事项目正式确定`: a year's livelihood
# projects, once set, are its work to do, whoever reports them.
_PROJECTS_SET = re.compile(r"实事项目[^,，。;；]{0,4}?(?:确定|公布|出炉|发布)(?!会)|"
                           r"(?:拟|将|要)办[^,，。;；]{0,8}?实事")
# `…预计增长5%,居全市前列`, `…指数77.3,排名全国78位`: a rank reached, so a result (unless the
# sentence plans: `力争增速居全市前列`).
_RANKED = re.compile(r"居(?:全市|全区|全省|全国|全球|世界|[^,，。;；]{1,8}?)"
                     r"(?:第[\d一二三四五六七八九十]+|前列|首位|前茅|榜首)|"
                     r"排名(?:全国|全市|全省|全区)[^,，。;；]{0,4}?第?\d+位")
# `多个经济大省定为5.5%左右`, `各地普遍确定在5%以上`, `增长目标也调低为8%`: a figure a verb
# of setting fixes is a goal set, whenever it is reported.
_SET_AT = re.compile(r"(?:(?<![被])确定|(?<![被规确约决否制稳固锁认鉴评核判测指特坚肯一安设])定|"
                     r"设定|调低|调高|下调|上调)\s?(?:在|为|為|到)\s?[“「]?$")
_CAPPED = re.compile(r"[\d.\s]+[^\s\d,，。;；、]{0,6}?(?:以内|之内|以下)")


def _last(pattern: re.Pattern[str], text: str, pos: int = 0,
          endpos: int = sys.maxsize) -> re.Match[str] | None:
    """The last match of `pattern` in `text[pos:endpos]` (the word nearest the figure)."""
    found = None
    for found in pattern.finditer(text, pos, endpos):  # noqa: B007 - the last one counts
        continue
    return found

# `完成年计划710亿元的89.4%`, `占年度目标1200万吨的96%`: the plan's value between the plan word and
# the share of it a result reaches.
_PLAN_BEFORE_SHARE = re.compile(r"(?:年|年度|全年|年初)(?:计划|目标)(?:任务)?\s?$")
_SHARE_AFTER = re.compile(r"[^,，;；。的]{0,12}?的\s?[\d.]+\s?%")


def plan_of_a_share(text: str, start: int) -> bool:
    """Whether the figure at `start` is the plan's value a share is measured against."""
    return bool(_PLAN_BEFORE_SHARE.search(text, max(0, start - 6), start)) and \
        bool(_SHARE_AFTER.match(text, start))


def plans(words: str) -> bool:
    """Whether `words` hold a word that plans (`将`, `力争`, `到2025年`; not `预计`)."""
    return any(m.group() != "预计" for m in _STRONG_FUTURE.finditer(_NOT_FUTURE.sub("", words)))


def kind_at(ctx: Ctx, near: Around, start: int) -> str:
    """`target` or `actual` for a statement at `start` (an offset in the sentence)."""
    return judged(ctx, near, start)[0]


def judged(ctx: Ctx, near: Around, start: int) -> tuple[str, bool]:
    """`judge`, and the statement's vote for its paragraph when its own words decided."""
    kind, decisive = judge(ctx, near, start)
    if decisive:
        ctx.votes.append(kind)
    return kind, decisive


def judge(ctx: Ctx, near: Around, start: int) -> tuple[str, bool]:
    """The kind, and whether the statement's own clause or sentence decided it (a vote
    for the other statements of its paragraph) rather than its section or document."""
    clause = _restated(ctx, near) + near.clause_words(ctx.text)
    before = ctx.text[max(0, start - SENTENCE_WINDOW):start]
    document, mode = ctx.document, ctx.sentence.mode
    if near.starting:
        return "actual", False  # where a change starts says nothing of its paragraph
    if _targets_follow(ctx.text[:start]) or _LISTED.match(ctx.text[start:near.clause_end]):
        return "target", True
    if plan_of_a_share(ctx.text, start):
        return "target", False  # 完成年计划710亿元的89.4%: the year's plan, the share reported
    if _OF_A_TARGET.match(ctx.text[start:near.clause_end]):
        return "target", False  # a target named in a report of results says nothing of the others
    if _SET_AT.search(ctx.text[max(0, near.chain_start - 8):near.chain_start + 1]) or \
            _SET_AT.search(ctx.text[max(0, start - 8):start]):
        return "target", True
    if not _NOW_OF.search(ctx.text[max(0, near.chain_start - 3):near.chain_start + 1]):
        clause = _NOW_OF.sub("", clause)
    if _PROJECTS_SET.search(ctx.text):  # 新增…8万套(间)……记者近日获悉,…民生实事项目正式确定
        return "target", True
    if looked_ahead(document, ctx.base, ctx.base + len(ctx.text), clause):
        return "target", True  # 展望2025年,…。各区至少有1个…: what is set for the year ahead
    if (_PAST.search(clause) and not _ahead_with_le(ctx, clause, start)) or _now(ctx, start):
        return "actual", True
    if _RANKED.search(ctx.text) and not plans(ctx.text):
        return "actual", True  # 社会消费品零售总额预计增长5%,居全市前列: a rank is known after
    future = next((m for m in _STRONG_FUTURE.finditer(_NOT_FUTURE.sub("", clause))
                   if not (mode == "actual" and m.group() in _WEAK_FUTURE)), None)
    if future:
        if future.group() == "预计":
            return _forecast(ctx, clause, start), True
        return "target", True
    joined = _before_semicolon(ctx) + before  # `…北京市将加强…;完成…,能力达到3.1万吨/日以上`
    if _SINCE.search(joined) or _reports_throughout(ctx.text, start) or _reported_lead(ctx):
        return "actual", True
    if document.kind != "plan" and mode != "target" and _WHOLE_YEAR.search(before):
        return "actual", True  # 预计全年…将超过1300亿元、…,一般公共预算收入增长10%: the estimate
    ahead = _NOT_FUTURE.sub("", joined)
    if _AHEAD.search(ahead) or (mode != "actual" and (
            _LEAD_PLAN.search(ahead) or _LEAD_PLAN_WEAK.search(ahead))):
        return "target", True
    if mode != "actual" and _planned_before(ctx):
        return "target", True
    if mode != "actual" and _LEAD_FORECAST.search(ahead):
        return _forecast(ctx, ahead, start), True  # `今年预计…增长5%,城镇新增就业26万人`
    year = _year_before(ctx, start)
    if year is None:
        year = _opening_year(ctx, start)
    if year is None:
        year = next((m.last for m in reversed(_opening_span(ctx, start))), None)
    if year is None:
        year = _clause_year(ctx, start)
    if year is not None and document.reviewed is not None:
        return ("target" if year > document.reviewed else "actual"), True
    if year is not None and document.reviewed is None and mode != "target" and \
            _opening_year(ctx, start) == year and _later_named(ctx, year):
        return "actual", True  # `2025年是…的一年,全市生产总值增长5.5%` before `2026年重点工作`
    if any(m.part[:1] in ("H", "Q") for m in own_marks(ctx, start)):
        return "actual", True
    if _shown(before):
        return "actual", True
    if document.reviewed is None and _period_over(ctx, start):
        return "actual", True
    if mode:
        return mode, False
    span = ctx.sentence.period
    if span is not None and document.reviewed is not None and ctx.sentence.section:
        # `三、2026年经济社会发展总体要求和政策取向` over `经济增长4.5%—5%`: the year its
        # section's heading names dates a figure that names none (a report on 2025)
        return ("target" if span[0] > document.reviewed else "actual"), False
    if ctx.lean and not any(m.kind in _DATED and m.text not in _OF_THE_YEAR
                            for m in own_marks(ctx, start)):
        return ctx.lean, False  # a figure of its own year or part of one keeps it (not of
        # `全年数量达到80家`: the whole of the year its paragraph is about)
    if document.kind:
        return ("target" if document.kind == "plan" else "actual"), False
    if document.reviewed is None and _lead_goes_on(ctx):
        return "target", False
    capped = near.level in cues.AT_MOST or (_CAPPED.match(ctx.text, start, near.clause_end)
                                            and "了" not in ctx.text[near.clause_start:start])
    return ("target" if capped else "actual"), False


_RESTATES = re.compile(r"\s*(?:即|也就是|也即)")


# `目前,我国社会研发投入的强度在2%左右`: a clause that is nothing but `目前` says the figures
# after it are the present state, up to a word that plans.
_NOW_CLAUSE = re.compile(r"(?:^|[,，;；。])\s*(?:目前|当前|现阶段|截至目前)\s*[,，]")


_DEADLINE_BEFORE = re.compile(r"(?:预计|力争|争取|计划|确保)?到\s?((?:19|20)\d\d)\s?年(?:底|末)?")


def _ahead_with_le(ctx: Ctx, clause: str, start: int) -> bool:
    """`预计到2015年,…集装箱吞吐量达到了3000万标箱`: a verb with 了 under a deadline the text
    has not reached says what will have come about — a target, when it is all that reports."""
    if not all(m.group().endswith("了") for m in _PAST.finditer(clause)):
        return False
    found = _last(_DEADLINE_BEFORE, ctx.text, 0, start)
    if found is None:
        return False
    reviewed = ctx.document.reviewed
    return reviewed is None or int(found.group(1)) > reviewed


def _now(ctx: Ctx, start: int) -> bool:
    found = _last(_NOW_CLAUSE, ctx.text, 0, start)
    if found is None:
        return False
    between = ctx.text[found.end():start]
    return not _STRONG_FUTURE.search(between) and not _AHEAD.search(between) and \
        not _marks(ctx, found.end(), start)


def _restated(ctx: Ctx, near: Around) -> str:
    """`力争用五年时间实现总规提到的目标,,即全市的森林覆盖率达到45%`: a clause opening on
    `即` says again what the clause before says, so that clause's words are its own too."""
    text, begin = ctx.text, near.clause_start
    if not _RESTATES.match(text, begin):
        return ""
    end = begin
    while end > 0 and text[end - 1] in ",，、 ":  # `,,`: a page's doubled comma
        end -= 1
    low = max(0, end - SENTENCE_WINDOW)
    left = max(max(text.rfind(c, low, end) for c in ",，;；:：。"), low - 1) + 1
    return text[left:end]


def _before_semicolon(ctx: Ctx) -> str:
    """The sentence a semicolon ended right before this one, in the same paragraph: its
    clauses and this one's are parts of one statement, so the words it ends on after its
    own last figure (`“十四五”时期,北京市将加强…建设;`) are this one's sentence-level cues
    too (`规划期末目标为下降20%;` says nothing of what follows)."""
    folded, base = ctx.document.folded, ctx.base
    if base == 0 or folded[base - 1] not in ";；":
        return ""
    low = max(0, base - SENTENCE_WINDOW)
    begin = max(folded.rfind(c, low, base - 1) for c in "。!?！？\n")
    previous = folded[max(begin + 1, low):base]
    digits = [m.end() for m in re.finditer(r"[\d%]", previous)]
    return previous[digits[-1]:] if digits else previous


def _reports_throughout(sentence: str, start: int = 0) -> bool:
    """`…优良率为90.7%,…均创新标准实施以来新纪录`, `…北京城“十三五”时期开通条条大道`: a
    sentence that says it reports (after its figures too: a past plan's span named after
    the figure, not a plan's span it opens on) and plans nothing anywhere."""
    past = _SINCE.search(sentence) or _PAST_SPAN_AFTER.search(sentence, start)
    return bool(past) and not _STRONG_FUTURE.search(
        _NOT_FUTURE.sub("", sentence)) and not _AHEAD.search(sentence)


def _shown(before: str) -> bool:
    """Whether the sentence so far opens on what a report shows and plans nothing after."""
    found = _last(_SHOWN, before)
    if found is None:
        return False
    rest = _NOT_FUTURE.sub("", before[found.end():])
    return not _STRONG_FUTURE.search(rest) and not _AHEAD.search(rest)


def _targets_follow(before: str) -> bool:
    """Whether the sentence so far opens a list of targets (not `目标任务顺利完成:`)."""
    found = _last(_TARGETS_FOLLOW, before)
    return found is not None and not _NOT_FUTURE.search(before[:found.end()]) and \
        not re.search(r"指出(?!.*目标)|显示|完成|取得|表现为", before[:found.start()])


# The year before the text's, naming when (not a base compared with: `比去年`, `去年同期`).
_LAST_YEAR = re.compile(r"(?<![比较同于与和超在])(?:去年|上年|上一年|前年|过去一年)"
                        r"(?!同期|的基础|基础|水平|的水平|以来)")
_THIS_YEAR_ON = re.compile(r"今年|明年|本年|全年|(?:19|20)\d\d\s?年")


def _of_last_year(before: str) -> bool:
    """Whether the words before a figure date it to the year before the text's, no other year
    named after (`去年…完成…,今年预计增长6%` forecasts this year)."""
    found = _last(_LAST_YEAR, before)
    return found is not None and not _THIS_YEAR_ON.search(before, found.end())


def _forecast(ctx: Ctx, clause: str, start: int) -> str:
    """`预计` estimates a result in a review (`预计全年…`, `2023年预计…` in a report on
    2023) and forecasts a target elsewhere (`今年旅客量预计超4500万人次`)."""
    document, mode = ctx.document, ctx.sentence.mode
    if mode:
        return mode
    if _of_last_year(ctx.text[:start]):  # 去年…比重预计达55%: last year's estimated result
        return "actual"
    if any(m.part[:1] in ("H", "Q") for m in own_marks(ctx, start)):
        return "actual"  # `…预计年均增长超6%,今年前三季度增长10.9%`: a part of a year is known
    years = [m.last for m in own_marks(ctx, start) if m.kind == "year" and m.last is not None]
    opening = _opening_year(ctx, start)
    if not years and opening is not None:
        years = [opening]  # `2024年,面对…形势,仍预计全市GDP增长5.2%左右`: that year's estimate
    if not years and document.reviewed is not None:
        # `预计2022年…增长4.5%左右,预计总量达到1.9万亿元左右`: the year the estimate's sentence
        # named before it, when no other period stands between
        named = [m for m in _marks(ctx, 0, start) if not _compared(ctx, m)]
        years = [named[-1].last] if named and named[-1].kind == "year" and \
            named[-1].last is not None and named[-1].last <= document.reviewed else []
    if years and document.reviewed is not None:
        return "target" if years[-1] > document.reviewed else "actual"
    if not years and document.reviewed is None and _narrated_year(ctx) is not None:
        return "actual"
    spans = [m.last for m in own_marks(ctx, start) if m.kind in ("plan", "years") and m.last]
    if spans and document.reviewed is not None and spans[-1] <= document.reviewed:
        return "actual"  # `“十四五”期间,预计…年均增长超6%` written in 2026: the span's result
    if document.kind != "plan" and (_WHOLE_YEAR.search(clause) or _ACHIEVED.search(ctx.text)
                                    or re.search(_SPAN_BEHIND, ctx.text)):
        return "actual"  # `预计…增长6.5%左右,…顺利实现年度目标任务`, `…2024年预计达到140万亿元,
        # 五年间…增长超35万亿元`: an estimate of the result of a span looked back on
    if document.kind == "report" and _span_to_now(ctx, start):
        return "actual"  # `自“十四五”规划实施以来,…。…森林覆盖率预计达45%`: where the span has come
    if _paragraph_opens(ctx, start, _YEAR_JUST_PAST):
        return "actual"  # `刚刚过去的2020年,我们…。预计实现地区生产总值5312亿元`: its estimate
    return "target"


_SPAN_TO_NOW = re.compile(r"以来|[一二三四五六七八九十\d]+年来|今年来")


# `刚刚过去的2020年`, `过去的一年里`: the year just ended, which a speech or a report reviews.
_YEAR_JUST_PAST = re.compile(r"(?:刚刚|刚)?过去的(?:(?:19|20)\d\d\s?年|一年)")


def _span_to_now(ctx: Ctx, start: int) -> bool:
    """In a report, a paragraph that opens on a span up to now (`…以来`, `五年来`) and plans
    nothing before the estimate: `预计` estimates what the span has come to, a result."""
    return _paragraph_opens(ctx, start, _SPAN_TO_NOW)


def _paragraph_opens(ctx: Ctx, start: int, span: re.Pattern[str]) -> bool:
    """Whether the paragraph names a span looked back on (`span`) before the figure and plans
    nothing before the estimate."""
    folded = ctx.document.folded
    before = folded[folded.rfind("\n", 0, ctx.base) + 1:ctx.base + start]
    plans = [m for m in _STRONG_FUTURE.finditer(_NOT_FUTURE.sub("", before)) if m.group() != "预计"]
    return bool(span.search(before)) and not plans and not _AHEAD.search(before)


_DEADLINE_OPENING = re.compile(r"\s*(?:到|至|力争到|争取到)\s?"
                               r"(?:20\d\d|二〇[一二三四五][〇一二三四五六七八九])\s?年")


_REPORT_LEAD = re.compile(r"\s*(?:经|据)?(?:初步核算|初步统计|初步测算|统计|据统计)[,，:：]")


def _reported_lead(ctx: Ctx) -> bool:
    """`初步核算,全市实现地区生产总值3347.6亿元,…;全年粮食总产量93亿斤;…`: the parts of a
    statement a semicolon joins share the lead that says it reports (the first part's)."""
    folded, base = ctx.document.folded, ctx.base
    if base == 0 or folded[base - 1] not in ";；":
        return False
    begin = max(folded.rfind(c, 0, base - 1) for c in "。!?！？\n") + 1
    parts = re.split(r"[;；]", folded[begin:base - 1])
    return bool(_REPORT_LEAD.match(parts[0])) and not any(
        _AHEAD.search(p) or _LEAD_PLAN.search(p) for p in parts)


def _planned_before(ctx: Ctx) -> bool:
    """`到2020年,北京市将严格控制能源消费总量,…。全市能源消费总量控制在7651万吨标准煤以内`:
    a sentence of its paragraph right before this one that opens on a deadline and states no
    figure of its own says what the figures after it are for."""
    folded = ctx.document.folded
    line_start = folded.rfind("\n", 0, ctx.base) + 1
    before = folded[line_start:ctx.base].rstrip()
    if not before.endswith(("。", "!", "！", ";", "；")):
        return False
    begin = max(before.rfind(c, 0, len(before) - 1) for c in "。!！;；") + 1
    previous = before[begin:-1]
    if not _DEADLINE_OPENING.match(previous):
        return False
    rest = _DEADLINE_OPENING.sub("", previous, count=1)
    return not re.search(r"[\d〇零一二两三四五六七八九十百千万]", rest)


def _lead_goes_on(ctx: Ctx) -> bool:
    """`意见提出,…2025年…达到11亿吨标煤以上。“十五五”…,2030年…达到15亿吨标煤以上`: in a text
    of no kind and no date, a sentence after one its paragraph opened on a lead that sets
    targets goes on with them."""
    folded = ctx.document.folded
    before = folded[folded.rfind("\n", 0, ctx.base) + 1:ctx.base]
    return any(_targets_follow(part[:_LEAD_REACH]) for part in re.split(r"[。!！]", before)
               if part.strip())


_LEAD_REACH = 12  # characters of a sentence's opening that may hold its lead


def _narrated_year(ctx: Ctx) -> int | None:
    """`报告指出,2024年,全区上下齐心协力,…迈出坚实步伐。地区生产总值预计增速4.5%以上`: in an
    undated text, a paragraph that opens a sentence on a year alone and plans nothing before
    the estimate narrates that year, and `预计` estimates its result — unless the text names a
    later year, which the estimate may forecast."""
    folded = ctx.document.folded
    before = folded[folded.rfind("\n", 0, ctx.base) + 1:ctx.base]
    found = _OPENING_YEAR.findall(before)
    plans = [m for m in _STRONG_FUTURE.finditer(_NOT_FUTURE.sub("", before)) if m.group() != "预计"]
    if not found or plans or _AHEAD.search(before):
        return None
    year = int(found[-1])
    later = any(m.kind == "year" and m.first is not None and m.first > year
                for m in ctx.document.marks)
    return None if later else year


# (`在“十四五”时期稳妥推进…`: after `在` with no comma, as well)
_OPENING_SPAN = re.compile(r"\s*(?:[“\"]?[^,，;；。“”\"]{1,12}?[”\"]?(?:时期|期间|期)[,，\s]+|"
                           r"[在于][“\"][^,，;；。“”\"]{1,8}[”\"](?:时期|期间))")


def _opening_span(ctx: Ctx, start: int) -> list[Mark]:
    """`“十一五”期间,北京市…年均增长11%以上,总量超过1.3万亿元`: a sentence that opens on a span
    of years alone dates each figure after it that names no period of its own."""
    found = _OPENING_SPAN.match(ctx.text)
    if found is None or found.end() > start:
        return []
    spans = [m for m in _marks(ctx, 0, found.end()) if m.kind in ("plan", "years") and m.last]
    return spans if spans and not _marks(ctx, found.end(), start) else []


def _period_over(ctx: Ctx, start: int) -> bool:
    """`“十三五”时期…新增115万亩` in an undated text that goes on to `2021年,…计划`: a
    span of years the text has left behind is a review."""
    own = own_marks(ctx, start)
    spans = [m.last for m in own or _opening_span(ctx, start)
             if m.kind in ("plan", "years") and m.last]
    if not spans:  # `从“十一五”末的90…下降至2015年的61`: a change between two named periods
        c0, _ = clause_of(ctx.text, start, start)
        if any(_base_of_change(ctx, m, start) for m in _marks(ctx, c0, start)):
            spans = [m.last for m in own if m.kind == "year" and m.last]
    return bool(spans) and _later_named(ctx, spans[-1])


def _later_named(ctx: Ctx, year: int) -> bool:
    """Whether the text names a year after `year` other than as a deadline (`到2035年`)."""
    folded = ctx.document.folded
    return any(m.kind == "year" and m.first and m.first > year
               and not re.search(r"(?:到|至|力争|争取|目标)$", folded[max(0, m.start - 2):m.start])
               and not folded.startswith("远景", m.end) for m in ctx.document.marks)


# (`2025年是咸阳发展乘势而上的一年,全市生产总值增长5.5%`: a year narrated, likewise)
_OPENING_YEAR = re.compile(r"(?:^|[,，:：])\s*((?:19|20)\d\d)\s?年"
                           r"(?:是[^,，;；。]{0,30}的一年)?[,，]")


def _opening_year(ctx: Ctx, start: int) -> int | None:
    """`李奕介绍,2023年,面对…压力,北京市教委指导各区新建…学校35所`: a clause that is nothing
    but a year, with no other year after it before the figure, dates the figure."""
    found = _last(_OPENING_YEAR, ctx.text, 0, start)
    if found is None or re.search(r"(?:19|20)\d\d", ctx.text[found.end():start]) or \
            _marks(ctx, found.end(), start):  # `2023年,…3941万人次,今年…预计超4500万人次`
        return None
    return int(found.group(1))


_CLAUSE_OPENING = re.compile(r"(?:^|[,，:：])\s*$")


def _clause_year(ctx: Ctx, start: int) -> int | None:
    """`殷勇表示,2025北京全市地区生产总值5.2万亿元,增长5.4%,…城镇调查失业率4.1%`: a bare year
    (no `年`: a headline's or a wire's way) that opens a clause of the sentence dates the figures
    of the clauses after it that name no period, up to the next period named.  (A year with
    `年` opening a clause dates only its own clause, `2035年…减量目标已经提前实现,目前…`, or what
    a headline's colon after it opens.)"""
    marks = [m for m in _marks(ctx, 0, start) if not _compared(ctx, m)]
    if not marks or marks[-1].kind != "year" or marks[-1].last is None:
        return None
    mark = marks[-1]
    if not _CLAUSE_OPENING.search(ctx.text[:mark.start - ctx.base]):
        return None
    if "年" in mark.text and not _HEADLINE_COLON.search(ctx.text[mark.end - ctx.base:start]):
        return None
    return mark.last


# `2020年通州人口数量定出“天花板”:不超160万`: a headline's year before its colon dates what
# the colon opens (one clause, no comma between).
_HEADLINE_COLON = re.compile(r"^[^,，;；。:：]{0,30}[:：]\s*[^,，;；。:：]*$")


def _year_before(ctx: Ctx, start: int) -> int | None:
    for mark in reversed(own_marks(ctx, start)):
        if mark.kind in ("year", "years", "month", "plan") and mark.last is not None:
            return mark.last
        if mark.kind == "relative" and mark.text in _OF_THE_YEAR and ctx.sentence.mode == "target":
            continue  # 全年 in a list of a year's targets: that year, whenever it was written
        if mark.kind == "relative" and ctx.document.year is not None and \
                not _of_year_named(ctx, mark):
            return _relative_year(ctx.document, mark)
    return None


def _relative_year(document: Document, mark: Mark) -> int:
    """The year a relative period names: `去年` the year before the document's; `全年` in a
    report written early in the year after the one it reviews (`2023-03-13`, on 2022) that
    year, not the year of writing; `今年` the year of writing."""
    assert document.year is not None
    if mark.text in ("去年", "上年"):
        return document.year - 1
    if mark.text in _OF_THE_YEAR and document.reviewed is not None and \
            document.reviewed < document.year and document.kind == "report":
        return document.reviewed
    return document.year


_OF_THE_YEAR = frozenset({"全年", "当年", "本年", "同期"})


def _of_year_named(ctx: Ctx, mark: Mark) -> bool:
    """`2020年,北京全年…`: 全年 is the whole of the year named before it, not of the
    document's year."""
    return mark.text in _OF_THE_YEAR and any(
        m.kind in ("year", "month") and not _compared(ctx, m)
        for m in _marks(ctx, 0, mark.start - ctx.base))


def own_marks(ctx: Ctx, start: int) -> list[Mark]:
    """The periods that belong to a statement at `start`: those of its clause, and of the
    clauses before it that are nothing but a period (`2022年,…`, `一季度,…`)."""
    c0, _ = clause_of(ctx.text, start, start)
    marks = [m for m in _marks(ctx, c0, start) if not _compared(ctx, m)
             and not _base_of_change(ctx, m, start)]
    while c0 > 0 and not marks:
        p0, _ = clause_of(ctx.text, c0 - 1, c0 - 1)
        if p0 < c0 - 1 and not ctx.text[p0:c0 - 1].strip(" \u3000"):
            c0 = p0  # `“十一五”期間,,北京市…`: a page's doubled comma ends no clause of its own
            continue
        if p0 == c0 - 1 and p0 > 0 and ctx.text[p0 - 1] in ",，":
            c0 = p0
            continue
        head = re.split(r"——|\s{1,}", ctx.text[p0:c0 - 1].strip())[-1]  # after a headline's dash
        found = _marks(ctx, c0 - 1 - len(head), c0 - 1)
        bare = re.sub(r"[\s,，“”\"]|时期|期间|以来|年间", "", head)
        # `中国人均预期寿命在2015年至2020年,从76.34岁提高至77.93岁`: the clause before ends
        # on the span the change ran over (`在…`), which dates the figures after it
        spanned = bool(found) and found[-1].kind in ("years", "plan") and \
            ctx.text[:found[-1].start - ctx.base].endswith(("在", "于")) and \
            found[-1].end - ctx.base >= c0 - 2
        if not found or (len(bare) > sum(m.end - m.start for m in found) + 3 and not spanned):
            break
        marks, c0 = found, p0
    return marks


# `从“十三五”末期的49%提升至65%`: the span a change starts from, named before its first figure.
_BASE_SPAN = re.compile(r"[”\"」]?(?:末期|期末|末|底|初)?的[\d.]+")


def _base_of_change(ctx: Ctx, mark: Mark, start: int) -> bool:
    """Whether `mark` dates where a change starts (`从“十三五”末期的49%`), not the figure at
    `start` it ends on."""
    at, end = mark.start - ctx.base, mark.end - ctx.base
    opened = ctx.text[max(0, at - 2):at]
    base = _BASE_SPAN.match(ctx.text, end)
    return mark.kind in ("plan", "years") and opened in ("从“", "由“", "从\"", "由\"") and \
        base is not None and base.end() <= start


def _compared(ctx: Ctx, mark: Mark) -> bool:
    """`较5月份`, `去年同期`, `比2017年`: a period a figure is compared with."""
    at = mark.start - ctx.base
    before, after = ctx.text[max(0, at - 1):at], ctx.text[mark.end - ctx.base:][:2]
    rest = ctx.text[mark.end - ctx.base:][:12]
    return before in ("较", "比", "从", "由") or after.startswith("同期") or \
        rest.startswith(("基础上", "的基础上", "水平上", "的水平上")) or \
        bool(re.match(r"(?:底|末)?的[\d.]+(?:个)?倍", rest))  # 2020年的1.5倍: the base


def _marks(ctx: Ctx, low: int, high: int) -> list[Mark]:
    return ctx.marks_between(low, high)


def period_at(ctx: Ctx, start: int, kind: str, near: Around) -> str:
    document = ctx.document
    marks = own_marks(ctx, start)
    year, last, part = None, None, ""
    for mark in reversed(marks):
        if mark.kind == "part" and not part:
            part = mark.part
            continue
        if mark.kind in ("year", "years", "month", "plan"):
            year, last, part = mark.first, mark.last, part or mark.part
            break
        if mark.kind == "relative" and document.year is not None and mark.text != "同期" \
                and not _of_year_named(ctx, mark):
            year = _relative_year(document, mark)
            break
    if year is None and ctx.sentence.period is not None and kind == "target":
        year, last = ctx.sentence.period
        last = last if "年均" in ctx.text else None
        year = ctx.sentence.period[1] if last is None else year
    if year is None and part:
        year = _sentence_year(ctx, start)
    if year is None:
        year = _default_year(document, kind, part)
    return period_text(year, last, part)


def _sentence_year(ctx: Ctx, start: int) -> int | None:
    years = [m for m in _marks(ctx, 0, start) if m.kind == "year" and not _compared(ctx, m)]
    return years[-1].first if years else ctx.document.year


def _default_year(document: Document, kind: str, part: str) -> int | None:
    if kind == "target" and document.plan_period is not None:
        return document.plan_period[1]
    if kind == "actual" or part:
        return document.reviewed
    return None

