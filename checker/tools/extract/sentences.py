"""Sentences: a text -> its lines, headings, sections and sentences, with positions.

In: a `SourceFile` (decoded text).  Out: a `Document`: the folded text (one
character for one, see `fold`), the title and kind of document, its year, and
the sentences in reading order, each with its line, its offsets, the section
path of the headings above it (`第五章 一 (三)`) and what the section is about
(a review of results, a plan of targets, or nothing said).  Pinyin glosses that
web pages put after characters (`時(shí)`, `萬(wàn)元`) are taken out of the read
text, so that they split no word or unit; `Document.position` and `original`
map offsets back to the file, so columns and quotes stay true.  Sentences end at
`。；！？` and at the end of a paragraph; a line that breaks a sentence in two
(text copied from a PDF) is joined to the next; what a copy left of its page (HTML,
a forum's copy filter, table borders) is left out (`markup`).  Imports `fold`, `markup`, `periods`,
`cues` and `source`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from checker.source import SourceFile
from checker.tools.extract import cues, markup
from checker.tools.extract.fold import fold, is_cjk
from checker.tools.extract.periods import Mark, find_marks
from checker.tools.extract.phrases import alternation
from checker.tools.extract.tables import Cell, cells, split_flat, split_rows
from checker.tools.plantext import CHINESE_DIGITS, HEADING_MAX, numbered_heading

_MAX_HEADING = HEADING_MAX
# `燃?xì)?、熱力`: a `?` a page's mojibake left before `、`, a comma or a gloss ends nothing.
# A digest's points flattened onto one line (`… [1] - 2024年上半年…`): a source's number after a
# point and the ` - ` of the next point end the point, as a full stop would.
_SENTENCE_END = re.compile(r"[。;!！；]|[?？](?![、,，A-Za-z])|\[\d{1,3}\](?=\s|$)|"
                           r"(?<=[^\d\s-]\s)-(?=\s+[\u4e00-\u9fff“\"\d])")  # not `2021 - 2025年`
_CLOSERS = "”’\")）】》"
_META = re.compile(r"#\s*source\s*:", re.IGNORECASE)
_INTRO = re.compile(r"[:：]\s*$")
# `《工作要点》指出,2025年北京力争…。…能耗较2020年累计下降14%`: what a plan's document (a
# plan, an outline, a programme, its work points) says of a year it opens on is what it sets
# (`《规划》指出,经过努力,…2015年至2020年…` reviews).
_PLAN_SAYS = (r"《[^》]{0,40}(?:规划|纲要|计划|方案|要点)》(?:还|并|进一步)?(?:指出|提出|明确|要求)"
              r"[,，:：]?\s*(?:到\s?)?20\d\d\s?年(?!至|-|—|到)")
# `根据《规划》,北京将…。建设…,2025年外受电通道增加到18条`: what a plan sets, 《》 or not.
_LIST_INTRO = re.compile(r"(?:目标|指标|安排|任务)(?:是|为|如下)?[:：]|"
                         r"(?:根据|依据|按照|依照)《?规划》?|"
                         r"(?:规划|纲要|计划)》?(?:草案)?(?:提出|明确|要求)|" + _PLAN_SAYS + "|"
                         rf"(?:以下)?[{CHINESE_DIGITS}\d]+个?方面(?:的)?(?:重点|主要)?(?:任务|工作)")
# `主要做好以下五方面重点工作:`, `报告给出了10个方面重点任务。`: the paragraphs after it are
# that many parts of one list, however long each is.
_ANNOUNCED = re.compile(rf"([{CHINESE_DIGITS}\d]+)个?方面(?:的)?(?:(?:重点|主要)?(?:任务|工作)|"
                        r"(?=[:：]\s*$))")  # 今后五年重点做好以下四个方面:
# `五年来,…`, `一年来,…`: a paragraph that opens on a span behind it reviews it, after a
# short lead that says who reports (`《报告》显示,过去一年,…`) too.
_PAST_OPENS = re.compile("[\\s“]*(?:[^,，。;；:：“”]{1,10}[,，:：]\\s*)?(?:" +
                         "|".join(re.escape(w) for w in cues.PAST_OPENINGS) + ")")
# `(二)加快推动产业转型,高质量建设国家级产业转型发展示范区。…`: a paragraph that opens on a
# numbered task (a verb of work, no result) lists work to do — in an excerpt of a work
# report's coming tasks with no year, no heading and no cue, that is what says its kind.
_TASK_OPENS = re.compile(rf"\s*(?:[(（][{CHINESE_DIGITS}]+[)）]|[{CHINESE_DIGITS}]+是|"
                         r"\d{1,2}[.、](?!\d))\s*"
                         r"(?:加快|推动|深入|全面|着力|大力|扎实|积极|强化|实施|推进|打造|优化|统筹|"
                         r"深化|加强|做好|抓好|做优|做大|做强|聚焦|聚力|构建|构筑|塑造|促进|完善|健全|"
                         r"培育|高标准|高质量|切实|全力|营造|提高|提升|拓展|扩大|激发|增强|用好|办好)"
                         r"[^。;；!?！？]{2,60}[。;；]")
_RESULT_WORDS = re.compile(r"成效|成绩|成果|显著|明显|取得|了|新台阶|跃升|稳中|向好|不断|持续")
# `  • 建设24处社区(村)公园,增补3万平方米小微绿地`: a bulleted line that opens on a verb of work
# (no result word, no year behind it) is a task of a list of work to do, as a numbered one is.
_BULLET_TASK = re.compile(r"\s*[•●◆▪■◇○◎★☆※]\s*(?:持续|继续|常态化)?"
                          r"(?:加快|推动|推进|深入|全面|着力|大力|扎实|积极|强化|实施|打造|优化|统筹|"
                          r"深化|加强|做好|抓好|聚焦|构建|促进|完善|健全|培育|高标准|高质量|切实|全力|"
                          r"提高|提升|拓展|扩大|增强|建设|新建|改造|更新|增补|开展|力促|启动|筹建)"
                          r"[^。;；!?！？]{2,60}$")
_BULLET = re.compile(rf"^\s*(?:[◆●•·▪■□◇○◎★☆※\-—─]+|[①-⑳]|\d{{1,2}}[.、](?!\d)"
                     rf"|[(]?[{CHINESE_DIGITS}]+[)、])")
# 规划 of an office's name (`自然资源和规划委员会`, `规划司`) names no plan.
_PLAN_WORDS = re.compile(r"规划(?!委员会|委|局|院|司|处|部门|设计|和自然资源)|纲要|计划(?!单列)|"
                         r"方案|意见|草案|预期目标|主要目标")
_TELLING_LINE, _TELLING_HEAD = 60, 24
_REPORT_WORDS = re.compile(r"执行情况|工作报告|统计公报|获悉|记者|讯|日电|电\s|回顾|白皮书|"
                           r"发布时间|来源|网消息|新闻联播")  # `央视网消息(新闻联播):`: a news wire
# `记者…获悉,《…规划纲要》已编制完成`, `《…规划》日前公布`: a news item on a plan's publication
# reports what the plan sets, so it reads as the plan, whoever wrote it.
_PLAN_NEWS = re.compile(r"(?:《[^》]{2,60}(?:规划|纲要|方案)[^》]{0,20}》|规划纲要)"
                        r"[^,，。;；]{0,12}?(?:编制完成|印发|公布|发布(?!会)|出炉|亮相|提请|有关内容)|"
                        r"实事项目[^,，。;；]{0,4}?(?:确定|公布|出炉|发布)(?!会)|"
                        r"(?:拟|将|要)办[^,，。;；]{0,8}?实事")  # 今年将办30件重要民生实事
# `国务院印发《全民健身计划》,…`: a title that opens on issuing a plan.
# A page's own `原标题:` before it is no part of the title; a plan's name may stand in quotes
# with no book marks (`四川出台“十四五”生态环境保护规划,到2025年…`), ending the clause.
_ISSUES_PLAN = re.compile(r"(?:原标题[:：])?[^,，。;；《:：]{0,8}(?:印发|发布|公布|出台)(?:了)?"
                          r"(?:《[^》]{2,40}(?:规划|纲要|方案|计划)(?:[(（][^》]{0,16}[)）])?》|"
                          r"[^,，。;；《》:：]{2,30}?(?:规划|纲要)(?=[,，。;；!！\s—]|$))")
# `“十四五”期末北京森林覆盖率将达到45%`: a headline that states what a figure will come to
# announces targets, whoever signs the text.
_TARGET_HEADLINE = re.compile(r"将(?:要)?(?:达到|达|超过|突破|实现|建成|新增|增长|提高到|提升至|"
                              r"提高至|提升到|控制在|降至|降到)[^,，。;；]{0,8}?\d")
# `“十四五”规划纲要实施实现“时间过半、任务过半”——从中期评估报告看…新成效`: a title on how a
# plan is carried out names the plan it reviews; the text reports, it is not the plan.
# (`高质量完成‘十四五’规划`: a plan completed, the title of a press conference on its results;
# a plan's report card or how many of its items are done)
_PLAN_REVIEWED = re.compile(r"(?:规划|纲要)[^,，。;；]{0,12}?(?:实施(?:情况|成效|进展|以来|实现)|"
                            r"执行情况|完成情况)|中期评估|终期评估|评估报告|(?:发展|建设)?新成效|"
                            r"完成[^,，。;；]{0,6}?(?:规划|纲要)|"
                            # `…规划交出期中成绩单`, `…规划《纲要》预计完成31项指标`: its score
                            r"(?:规划|纲要)[^,，。;；]{0,12}?(?:成绩单|完成\d+项)")
_REVIEWED_YEAR = re.compile(r"(\d{4})年[^,。;]{0,30}?(?:执行情况|工作回顾|回顾)")
_PLAN_YEAR = re.compile(r"(\d{4})年[^,。;]{0,20}?计划")
_TITLE = re.compile(r"规划|纲要|报告|计划|方案|公报")
# A pinyin gloss after a character: lower-case Latin letters with at least one vowel
# (tone marks included) in parentheses, right after a CJK character.
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])"
                    r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")
_REGION = re.compile(r"(?:北京市|[^\s,。]{2,3}省|[^\s,。]{2,3}市)?([^\s,。()]{2,6}?[区县])"
                     r"(?=国民经济|人民政府|政府|\d{4}年|二〇)")


@dataclass(frozen=True)
class Sentence:
    line: int
    start: int  # offsets in the folded text of the document
    end: int
    section: tuple[str, ...]
    mode: str  # actual | target | '' : what the section or list it stands in is about
    period: tuple[int, int] | None  # the years its section or list names, if any
    heading: bool = False
    cell: Cell | None = None  # the value cell of a table laid out one cell per line


@dataclass
class Document:
    source: SourceFile
    folded: str
    title: str = ""
    kind: str = ""  # plan | report | ''
    year: int | None = None  # the year it was written, when it says
    reviewed: int | None = None  # the last year it reports on (`R`)
    plan_period: tuple[int, int] | None = None
    region: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)  # of the whole text, by offset
    _starts: list[int] | None = field(default=None, repr=False)
    # offsets in the file of each offset of `folded` (and of its end), when glosses
    # were taken out; None when `folded` is as long as the file
    offsets: list[int] | None = field(default=None, repr=False)

    @property
    def path(self) -> str:
        return self.source.path

    def in_file(self, offset: int) -> int:
        """The file's offset of an offset of the read text."""
        if self.offsets is None:
            return offset
        return self.offsets[max(0, min(offset, len(self.offsets) - 1))]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of an offset of the read text."""
        return self.source.position(self.in_file(offset))

    def original(self, start: int, end: int) -> str:
        """The file's words between two offsets of the read text (glosses included)."""
        return self.source.text[self.in_file(start):self.in_file(end)]

    def marks_within(self, start: int, end: int) -> list[Mark]:
        """The marks that lie inside `start..end` (the marks are sorted by start)."""
        if self._starts is None:
            self._starts = [m.start for m in self.marks]
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_left(self._starts, end)
        return [m for m in self.marks[low:high] if m.end <= end]


@dataclass
class _Lines:
    """The document's lines with their start offsets."""

    starts: list[int]
    texts: list[str]


def read_document(source: SourceFile) -> Document:
    folded, cleaned = markup.clean(_without_meta(fold(source.text)))
    folded = split_flat(split_rows(folded))
    folded, offsets = _without_glosses(folded)
    if cleaned is not None:
        offsets = [cleaned[i] for i in offsets] if offsets is not None else cleaned
    folded, offsets = _without_wraps(folded, offsets)
    document = Document(source, folded, marks=find_marks(folded), offsets=offsets)
    lines = _lines(folded)
    _describe(document, lines)
    document.sentences = list(_sentences(document, lines))
    return document


# `[摘要]`, `核心提示:` opening a paragraph: the page's label of its summary, no words of it.
_SUMMARY_WORDS = r"(?:摘要|导读|核心提示|内容提要)"
_SUMMARY_LABEL = re.compile(rf"(?m)^(\s*)(?:[\[【〔]\s*{_SUMMARY_WORDS}\s*[\]】〕][:：]?|"
                            rf"{_SUMMARY_WORDS}[:：])")


def _without_meta(folded: str) -> str:
    """`# source: …` lines say where an excerpt came from, and a summary's label
    (`[摘要]“十三五”期间,…`) is the page's: nothing in them is read."""
    folded = re.sub(r"(?m)^#\s*source\s*:.*$", lambda m: " " * len(m.group()), folded,
                    flags=re.IGNORECASE)
    return _SUMMARY_LABEL.sub(lambda m: " " * len(m.group()), folded)


def _without_glosses(folded: str) -> tuple[str, list[int] | None]:
    """The text without pinyin glosses (`時(shí)間` -> `時間`), and where each of its
    characters stands in the file; newlines are never taken out, so lines stay."""
    if _GLOSS.search(folded) is None:
        return folded, None
    kept: list[str] = []
    offsets: list[int] = []
    at = 0
    for found in _GLOSS.finditer(folded):
        kept.append(folded[at:found.start()])
        offsets.extend(range(at, found.start()))
        at = found.end()
    kept.append(folded[at:])
    offsets.extend(range(at, len(folded) + 1))
    return "".join(kept), offsets


# A line a PDF broke inside a sentence: it ends without a sentence's end, and the next
# line goes on (a line of about the same width, or the paragraph's shorter last line).
_ENDS = "。！？!?；;:：”’\")）】》…"
_WRAP_MIN = 30  # characters of a line of a page's column


def _without_wraps(folded: str, offsets: list[int] | None) -> tuple[str, list[int] | None]:
    """The text with the line breaks a PDF put inside sentences taken out (`…比重达到` /
    `50.3%,…` read as one sentence); `offsets` still map each character to the file, so
    lines and columns stay those of the file."""
    texts = folded.split("\n")
    cut: list[int] = []
    at = 0
    for index, text in enumerate(texts[:-1]):
        at += len(text)
        if _wraps(text, texts[index + 1]):
            cut.append(at)
        at += 1
    if not cut:
        return folded, offsets
    where = offsets if offsets is not None else list(range(len(folded) + 1))
    drop = set(cut)
    kept = "".join(c for i, c in enumerate(folded) if i not in drop)
    return kept, [where[i] for i in range(len(folded) + 1) if i not in drop]


def _wraps(text: str, following: str) -> bool:
    line, after = re.sub(r"\s", "", text), re.sub(r"\s", "", following)
    if not line or not after or line[-1] in _ENDS or not any(is_cjk(c) for c in line):
        return False
    if heading_of(line) is not None or heading_of(after) is not None or _BULLET.match(after) \
            or _META.match(after):
        return False
    if line[-1] in ",，、":
        return True
    margin = max(3, len(line) // 6)
    return len(line) >= _WRAP_MIN and (abs(len(after) - len(line)) <= margin or
                                       (after[-1] in _ENDS and len(after) < len(line)))


def _lines(folded: str) -> _Lines:
    starts, texts, offset = [], [], 0
    for text in folded.split("\n"):
        starts.append(offset)
        texts.append(text.rstrip("\r"))
        offset += len(text) + 1
    return _Lines(starts, texts)


# ------------------------------------------------------------------ the document


def _describe(document: Document, lines: _Lines) -> None:
    head = [t.strip() for t in lines.texts[:15] if t.strip()]
    document.title = next((t for t in head if _TITLE.search(t) and ">" not in t
                           and 8 <= len(t) <= 80), head[0] if head else "")
    opening = " ".join(_telling(t) for t in head[:6])
    titled = len(document.title) <= 80 and "," not in document.title
    announced = any(_PLAN_NEWS.search(t) for t in head[:4]) or \
        bool(_TARGET_HEADLINE.search(document.title) and len(document.title) <= _TELLING_LINE) or \
        bool(_ISSUES_PLAN.match(document.title))
    report = bool(_REPORT_WORDS.search(opening)) and not (
        titled and re.search(r"纲要|规划", document.title)
        and not _PLAN_REVIEWED.search(document.title)) and not announced
    document.kind = "report" if report else \
        "plan" if announced or _PLAN_WORDS.search(_PLAN_REVIEWED.sub("", opening)) else ""
    dates = [m for m in document.marks if m.kind == "date"
             and document.position(m.start)[0] <= 16]
    # `2024年05月23日 星期四` over `發佈時間:2015-11-27`: a date with its weekday is the page's
    # clock, the day it was copied; a date said to be the publication's is when it was written
    stamp = next((m for m in dates if _PUBLISHED.search(
        document.folded[max(0, m.start - 8):m.start])), next(
            (m for m in dates if not _WEEKDAY.match(document.folded, m.end)),
            dates[0] if dates else None))
    document.year = _stamp_year(stamp.text) if stamp else None
    document.plan_period = _plan_period(document.title) \
        if document.kind != "report" and len(document.title) <= 80 else None
    document.reviewed = _reviewed(document, lines, stamp.text if stamp else "")
    region = _REGION.search(document.title)
    document.region = region.group(1).removeprefix("关于") if region else ""


_PUBLISHED = re.compile(r"(?:发布|发表|时间|日期|发布于|来源)[:：]?\s*$")
_WEEKDAY = re.compile(r"\s*(?:星期|周|礼拜)[一二三四五六日天]")


def _telling(line: str) -> str:
    """What of an opening line says the kind of document: a short line (a title, a
    byline, a page's header) whole; of a paragraph only its first words (`…讯`,
    `记者…`), for a paragraph names plans and reports it is not (`完成“十四五”规划目标`)."""
    return line if len(line) <= _TELLING_LINE else line[:_TELLING_HEAD]


def _stamp_year(text: str) -> int | None:
    found = re.match(r"(\d{4})", text)
    return int(found.group(1)) if found else None


def _plan_period(title: str) -> tuple[int, int] | None:
    for mark in find_marks(title):
        if mark.kind in ("plan", "years") and mark.first and mark.last:
            return mark.first, mark.last
    found = _PLAN_YEAR.search(title)
    if found and "执行情况" not in title[found.start():found.end()]:
        return int(found.group(1)), int(found.group(1))
    return None


def _reviewed(document: Document, lines: _Lines, stamp: str) -> int | None:
    for text in lines.texts:
        found = _REVIEWED_YEAR.search(text)
        if found and len(text.strip()) <= _MAX_HEADING:
            return int(found.group(1))
    if document.kind == "plan" and document.plan_period:
        return document.plan_period[0] - 1
    if document.year is None:
        return _year_before_target(document)
    month = re.match(r"\d{4}[-./年](\d{1,2})", stamp)
    early = month is not None and int(month.group(1)) <= 3
    return document.year - 1 if early else document.year


# `定出2026年全市GDP增长目标「5%左右」` on an undated page: the year whose target is set is the
# year ahead, so the text reports on the year before (not `完成2025年目标任务`: a year reached;
# nor `2035年远景目标`: a long-range vision).
_TARGET_YEAR = re.compile(r"(?<!完成)(?<!实现)(?<!达到)(?<!超额完成)((?:19|20)\d\d)年(?!远景)"
                          r"[^,，。;；:：\d]{0,12}?(?:增长|增速|发展)?(?:主要)?(?:预期)?目标"
                          r"(?!任务)")


# `…提前达到国家2022年目标要求`: a year whose target was reached, a few words after the verb.
_REACHED_BEFORE = re.compile(r"(?:完成|实现|达到|超过|超出)[^,，。;；:：\d]{0,6}$")


def _year_before_target(document: Document) -> int | None:
    begin = len(document.folded) - len(document.folded.lstrip())  # past a `# source:` line
    for found in _TARGET_YEAR.finditer(document.folded, begin, begin + _TARGET_YEAR_WINDOW):
        if not _REACHED_BEFORE.search(document.folded, max(0, found.start() - 8), found.start()):
            return int(found.group(1)) - 1
    return None


_TARGET_YEAR_WINDOW = 400  # the headline and the lead, where a page names the year it is about


# ------------------------------------------------------------------ sections


@dataclass
class _Section:
    level: int
    label: str
    mode: str
    period: tuple[int, int] | None


# A web page's list bullets: what follows is one item of a list, never a part's title (`■`
# and `●` head a paper's boxes: `■ 2024年成绩单`).
_ITEM_MARKS = "•‧▪◦"


def heading_of(text: str) -> tuple[int, str, str] | None:
    """(level, label, title) of a heading line, or None: a numbered heading (the one
    recognizer of `plantext`), or an unnumbered part title (`2015年…计划执行情况`)."""
    numbered = numbered_heading(text)
    if numbered is not None:
        return numbered
    stripped = text.strip().lstrip("#").strip()
    if not stripped or len(stripped) > _MAX_HEADING or _SENTENCE_END.search(stripped[-1:]):
        return None
    if stripped[0] in _ITEM_MARKS:  # `• 潞城镇持续夯实都市工业发展基础`: a list's item, no title
        return None
    if not re.search(r"[,，:：]", stripped) and _mode_of(stripped) and not _states_figure(stripped):
        return -1, "", stripped
    return None


def _states_figure(text: str) -> bool:
    """A headline that states a figure (`地区生产总值预期增长5%`, `300亿元!…定下目标`) is
    one more statement, not the title of a section: it says nothing of what follows."""
    for mark in find_marks(text):
        text = text[:mark.start] + " " * (mark.end - mark.start) + text[mark.end:]
    return bool(re.search(r"\d", _CAPTION_NUMBER.sub("", text)))


# `专栏3 生态环境重点指标`, `表2 …`: a box's or a table's number is no figure of its title.
_CAPTION_NUMBER = re.compile(r"^\s*(?:专栏|附表|表|图)\s*[\d一二三四五六七八九十]+(?:[-－.]\d+)?")


# `主要健康指标持续向好`, `年度目标任务圆满完成`: a title whose plan word is the subject of a
# result says how the indicators or targets turned out — a review, not a plan.
_PLAN_WORD_FARED = re.compile("(?:" + alternation(cues.PLAN_HEADINGS) + r")[\u4e00-\u9fff]{0,4}?"
                              r"(?:向好|好转|改善|达标|圆满完成|全面完成|顺利完成|超额完成|"
                              r"提前完成|提前实现|全面实现|顺利实现)")


def _mode_of(title: str) -> str:
    if any(w in title for w in cues.REVIEW_HEADINGS) or _PLAN_WORD_FARED.search(title):
        return "actual"
    if any(w in title for w in cues.PLAN_HEADINGS):
        return "target"
    return ""


def _period_of(text: str) -> tuple[int, int] | None:
    for mark in find_marks(text):
        if mark.first is not None and mark.last is not None:
            return mark.first, mark.last
    return None


def _sentences(document: Document, lines: _Lines) -> Iterator[Sentence]:
    stack: list[_Section] = []
    listing: tuple[str, tuple[int, int] | None] | None = None  # mode of a `…目标是:` list
    announced = 0  # paragraphs still to come of a list announced by its parts' number
    fresh = False  # the next paragraph opens its section
    table = cells(lines.texts)
    for index, text in enumerate(lines.texts):
        start = lines.starts[index]
        number = document.position(start)[0]
        if not text.strip() or _META.match(text.strip()):
            continue
        heading = heading_of(text)
        if heading is not None:
            level, label, title = heading
            while stack and stack[-1].level >= level:
                stack.pop()
            task = "target" if not _context(stack, None)[0] and _opens_on_task(
                text.strip() + "。") else ""
            stack.append(_Section(level, label, _mode_of(title) or task, _period_of(title)))
            listing, fresh, announced = None, True, 0
        elif fresh:
            _opening(stack, text)
            fresh = False
        if listing is not None and not _BULLET.match(text) and len(text.strip()) > 80 and \
                not announced:
            listing = None
        announced = max(announced - 1, 0)
        mode, period = _context(stack, listing)
        if heading is None and _reviews_its_span(text):
            mode = "actual"
        elif heading is None and not mode and _opens_on_task(text):
            mode = "target"
        if index in table:
            yield Sentence(number, start, start + len(text), tuple(s.label for s in stack
                                                                   if s.label),
                           mode, period, False, table[index])
            continue
        yield from _split(number, start, text, tuple(s.label for s in stack if s.label),
                          mode, period, heading is not None)
        intro = _INTRO.search(text) or _LIST_INTRO.search(text)
        if intro:
            said = text[:intro.end()]
            said = said[max(said.rfind("。", 0, len(said) - 1), said.rfind("!", 0, len(said) - 1))
                        + 1:]  # the sentence that opens the list, not the whole paragraph
            listing = (_intro_mode(said) or _intro_mode(text), _period_of(text))
            parts = _ANNOUNCED.search(text) or _TARGETS_COUNTED.search(text)
            announced = _count(parts.group(1)) if parts else 0


# `“十三五”期间,全省…拟完成投资4900亿元`: a span opening a sentence that plans in it is ahead.
_PLANS_IN = re.compile(r"拟|将|力争|计划|确保|争取")


def _reviews_its_span(text: str) -> bool:
    """Whether a paragraph opens on a span behind it (`五年来,…`, `“十三五”期间,…`) and its
    first sentence plans nothing in that span (`…期间,…拟建成…`: the span is ahead)."""
    found = _PAST_OPENS.match(text)
    if found is None:
        return False
    end = min((i for i in (text.find(c, found.end()) for c in "。!?！？") if i >= 0),
              default=len(text))
    return not _PLANS_IN.search(text, found.end(), end)


def _opens_on_task(text: str) -> bool:
    found = _TASK_OPENS.match(text)
    if found is None:  # a bullet's task has no sentence end: the line is the task
        found = _BULLET_TASK.match(text.rstrip("。;；"))
        return found is not None and not _RESULT_WORDS.search(
            re.sub(r"^\s*\S\s*(?:持续|继续)", "", found.group()))
    return not _RESULT_WORDS.search(found.group())


def _count(numeral: str) -> int:
    """`五` or `10`: how many parts a list announces (a few paragraphs at most)."""
    if numeral.isdigit():
        return min(int(numeral), 20)
    return min(max(CHINESE_DIGITS.find(numeral[-1]) + 1, 1) + (10 if len(numeral) > 1 else 0), 20)


def _opening(stack: list[_Section], text: str) -> None:
    """The first paragraph of a section without a mode can give it one (`“十三五”时期…`)."""
    if stack and not stack[-1].mode and any(w in text[:40] for w in cues.PAST_OPENINGS):
        stack[-1].mode = "actual"


# `努力实现以下目标:`: the targets to reach, listed below (a verb of reaching before them, no 了).
_TARGETS_ANNOUNCED = re.compile(r"(?:以下|如下)[^,，。:：了]{0,6}?(?:目标|任务)[:：]\s*$")
# `…,实现四大具体目标:`: so many targets, the paragraphs after it (however long each is).
_TARGETS_COUNTED = re.compile(rf"([{CHINESE_DIGITS}\d]+)(?:大|个|项)[^,，。:：了]{{0,4}}?"
                              r"(?:目标|任务)[:：]\s*$")


def _intro_mode(text: str) -> str:
    if re.search(r"做了|完成了|取得了", text):  # 主要做了七个方面工作:
        return "actual"
    if re.search(r"(?:重点|主要)(?:任务|工作)|做好", text):  # 做好以下五方面重点工作:
        return "target"
    if re.search(r"(?:预期|主要|发展)目标(?:是|为|如下)", text):  # 报告指出,…主要预期目标是:
        return "target"
    if re.search(_PLAN_SAYS, text) or _TARGETS_ANNOUNCED.search(text) or \
            _TARGETS_COUNTED.search(text):
        return "target"
    if re.search(r"指出|显示|完成|实现|取得|表现为", text):
        return "actual"
    return "target" if re.search(r"目标|预期|计划|安排|规划|纲要|将|要", text) else ""


def _context(stack: list[_Section], listing: tuple[str, tuple[int, int] | None] | None
             ) -> tuple[str, tuple[int, int] | None]:
    mode = listing[0] if listing and listing[0] else ""
    period = listing[1] if listing else None
    for section in reversed(stack):
        mode = mode or section.mode
        period = period or section.period
    return mode, period


def _split(number: int, start: int, text: str, section: tuple[str, ...], mode: str,
           period: tuple[int, int] | None, heading: bool) -> Iterator[Sentence]:
    """The sentences of one line; after `…目标是:` the rest of the line is that list."""
    begin = 0
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    if not ends or ends[-1] < len(text):
        ends.append(len(text))
    for end in ends:
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
        while begin < end and text[begin] in " \u3000" and begin > 0:
            begin += 1  # a point of a digest opens on its words, not the space after ` - `
        piece = text[begin:end]
        if piece.strip():
            yield Sentence(number, start + begin, start + end, section, mode, period, heading)
            intro = _LIST_INTRO.search(piece)
            if intro:
                mode = _intro_mode(piece[:intro.end()]) or mode
                period = _period_of(piece) or period
        begin = end
