"""Extract: documents -> every quantitative statement in them, as `Item`s.

In: decoded texts (`SourceFile`s) and a `Reader` (the suite's units and
indicator names).  Out: items in text order — each figure of each sentence
(classified by `classify`), the idioms that state a number without digits
(`idioms`), and the indicator each name maps to (`mapping`).  Nothing found is
dropped: a figure that is no statement is an item of kind `other` with its
reason.  Imports the modules of this package and the suite's unit table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from checker.source import SourceFile
from checker.tools.extract import cues, idioms
from checker.tools.extract.classify import classify
from checker.tools.extract.context import Ctx
from checker.tools.extract.decide import Decision
from checker.tools.extract.items import Item
from checker.tools.extract.leans import of_an_undated_plan
from checker.tools.extract.mapping import NameIndex
from checker.tools.extract.phrases import Lexicon, Phrase, UnitWord, parse
from checker.tools.extract.sentences import Document, Sentence, read_document
from checker.tools.extract.when import plans
from checker.types.units import Unit, UnitTable

FIGURE_START = re.compile(
    r"\d|百分之|[〇零一二两三四五六七八九十百千]|(?<=[达超过逾破近约入])[万亿]")
_CN = "〇零一二两三四五六七八九十百千"
_RUN_GAP = re.compile(r"\s*[、和及与]\s*")
MAX_RUN = 12  # a longer list of figures is read in parts
_ARTICLES = frozenset({"一", "两"})  # 一批, 一个: an article, not a count


@dataclass(frozen=True)
class Reader:
    """What the reader knows of the suite: its units and its indicators' names."""

    lexicon: Lexicon
    names: NameIndex
    decision: Decision | None = None

    @property
    def percent(self) -> Unit | None:
        word = self.lexicon.words.get("%")
        return word.base if word is not None else None

    @staticmethod
    def of(units: UnitTable, names: NameIndex) -> Reader:
        return Reader(Lexicon(units), names)


def extract(sources: list[SourceFile], reader: Reader) -> list[Item]:
    items: list[Item] = []
    for source in sources:
        items += extract_document(read_document(source), reader)
    return items


def extract_document(document: Document, reader: Reader) -> list[Item]:
    """Each paragraph is read once; a paragraph whose statements' own words mostly say
    one kind (`到2020年…达到60%`) is read again, so that the figures of it that say
    nothing themselves take that kind rather than the document's.  In a document that
    names no kind, the paragraphs that say nothing take the kind most of its do."""
    paragraphs: dict[int, list[Sentence]] = {}
    for sentence in document.sentences:
        paragraphs.setdefault(sentence.line, []).append(sentence)
    read: dict[int, tuple[list[Item], list[str]]] = {}
    for line, sentences in paragraphs.items():
        votes: list[str] = []
        items = [i for s in sentences for i in _sentence_items(document, s, reader, votes)]
        read[line] = items, votes
    overall = _lean([v for _, votes in read.values() for v in votes]) if not document.kind \
        else ""
    overall = overall or ("target" if _of_a_coming_plan(document) or
                          of_an_undated_plan(document) else "")
    lines = list(read)
    for at, line in enumerate(lines):
        items, votes = read[line]
        lean = _lean(votes) if len(votes) >= 2 or not document.kind else ""
        if "actual" not in votes and _WILL_OPENS.match(_opening(document, paragraphs[line])):
            lean = "target"  # `北京将开展…。…山区实施封山育林60万亩`: the work the paragraph says
        if not votes and (_DEADLINE_OPENS.match(_opening(document, paragraphs[line])) or
                          _referred_back(document, [paragraphs[n] for n in lines[at + 1:at + 3]])):
            lean = "target"
        if at and _PARTS_OPEN.match(_opening(document, paragraphs[line])) and \
                _all_of_kind(read[lines[at - 1]][0], "actual"):
            lean = "actual"  # `…5年间新增学位1.37万个。` / `其中,普惠性学位增加…`: its parts
        lean = lean or overall
        if lean:
            read[line] = [i for s in paragraphs[line]
                          for i in _sentence_items(document, s, reader, [], lean)], votes
    stated = _Targets()
    for line in lines:
        stated.add(line, read[line][0])
    for line in lines:  # in order: a restatement may restate the one before it
        items, votes = read[line]
        if "actual" not in votes and stated.restated(line, items):  # (its own words plan, if any)
            read[line] = [i for s in paragraphs[line]
                          for i in _sentence_items(document, s, reader, [], "target")], votes
            stated.add(line, read[line][0])
    found = [i for line in lines for i in read[line][0]]
    found = _headlines_follow(document, found)
    return [replace(item, indicator=reader.names.lookup(item)) for item in found]


# `提出上述预期目标,综合考虑了…`: the paragraph after a list of figures says they were targets.
_REFERS_BACK = re.compile(r"(?:上述|以上|这些|这一系列|这组)(?:主要)?(?:预期)?(?:目标|指标)")
_REFERENCE_REACH = 40  # characters of the next paragraphs' openings searched


# `到2035年,人水关系和谐,…。全国用水总量控制在7000亿立方米以内`: a paragraph that opens on
# its deadline sets targets in each of its sentences.
# `北京将开展…`, `全市将完善…`: a paragraph that opens on what its subject will do
_WILL_OPENS = re.compile(r"\s*[\u4e00-\u9fff]{2,8}将(?:进一步|继续|持续|全面|加快)?"
                         r"(?:开展|完善|推进|实施|建设|打造|构建|新建|建成|推动|加强|有更多|再添|新增)")
_DEADLINE_OPENS = re.compile(r"[\s—-]*(?:力争)?到\s?(?:20\d\d|二〇[〇零一二三四五六七八九]{2})"
                             r"\s?年")


# `其中,…` opening a paragraph: the parts of what the paragraph before it stated.
_PARTS_OPEN = re.compile(r"\s*其中[,，:：]")


def _all_of_kind(items: list[Item], kind: str) -> bool:
    kinds = {i.kind for i in items if i.kind != "other"}
    return kinds == {kind}


def _opening(document: Document, paragraph: list[Sentence]) -> str:
    return document.folded[paragraph[0].start:paragraph[0].start + _REFERENCE_REACH]


_COMING = re.compile(r"[”\"]?(?:时期|期间)?[,，]?[^,，;；。]{0,12}?(?:将|要)")


def _of_a_coming_plan(document: Document) -> bool:
    """`“十五五”时期,我国将加快建设…`: a text that names no year, no date and no kind of its
    own but a plan's span it says things will happen in is about that plan: what its
    paragraphs leave unsaid is a target (a news item by a `记者` included)."""
    spans = [m for m in document.marks if m.kind == "plan"]
    if not spans or document.year is not None or \
            any(m.kind not in ("plan", "relative") for m in document.marks):
        return False
    return any(_COMING.match(document.folded, m.end) for m in spans)


def _referred_back(document: Document, after: list[list[Sentence]]) -> bool:
    """Whether one of the paragraphs after a paragraph whose own words say nothing calls
    what came before it targets (`政府工作报告指出,提出上述预期目标,…`)."""
    return any(_REFERS_BACK.search(_opening(document, p)) for p in after if p)


class _Targets:
    """The targets stated in the text, by figure, comparison and unit, with their lines:
    `——城镇调查失业率5.5%左右,城镇新增就业1200万人以上` in an explainer of the year's targets,
    a paragraph whose words say nothing that repeats a target stated elsewhere in the text
    (the same figure, comparison and name) restates the targets.  Looked up, not searched,
    so that a long table of figures is read in time linear in its size."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[object, object, str], list[tuple[int, str]]] = {}

    def add(self, line: int, items: list[Item]) -> None:
        for i in items:
            if i.kind == "target" and i.name:
                self._by_key.setdefault((i.value, i.unit, i.op), []).append((line, i.name))

    def restated(self, line: int, items: list[Item]) -> bool:
        for i in items:
            if i.kind != "actual" or not i.name:
                continue
            stated = [n for at, n in self._by_key.get((i.value, i.unit, i.op), []) if at != line]
            if stated and (i.name in stated[-1] or stated[-1] in i.name):
                return True
        return False


HEADLINE_MAX = 40  # characters of a line that may be a headline
_HEADLINE_LOOKS = 3  # lines on each side of a headline searched for the figure it restates
_ENDED = re.compile(r"[;；。]")
_COMMAS = re.compile(r"[,，]")


def _is_headline(lines: list[str], line: int) -> bool:
    """A short line without a sentence's end — two parts a comma joins included
    (`全市生产总值增长5.5%,一般公共预算收入增长3.1%` under `2025年——`)."""
    text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    return bool(text) and len(text) <= HEADLINE_MAX and not _ENDED.search(text) and \
        len(_COMMAS.findall(text)) <= 1


def _headlines_follow(document: Document, items: list[Item]) -> list[Item]:
    """A headline restates a figure of a paragraph next to it (`清洁优质能源比重提高到90%`
    over `…到2020年,清洁优质能源比重提高到90%以上`): it is of the kind the paragraph's
    own words give the figure, not of the kind its few words leave to the document — unless
    its own words plan it (`年内将建…314处` over the 314 built: what the headline sets)."""
    lines = document.source.text.split("\n")  # the file's lines, as positions count them
    below: dict[tuple[int, object, str], Item] = {}
    for item in items:
        if item.kind != "other":
            below.setdefault((item.line, item.value, item.unit), item)
    result = []
    for item in items:
        if item.kind != "other" and _is_headline(lines, item.line):
            body = next((below[key] for n in range(1, _HEADLINE_LOOKS + 1) for step in (n, -n)
                         if (key := (item.line + step, item.value, item.unit)) in below
                         and not _is_headline(lines, item.line + step)), None)
            if body is not None and body.kind != item.kind and item.op in (body.op, "==") and \
                    not (item.kind == "target" and plans(_before_figure(item))):
                item = replace(item, kind=body.kind, period=body.period,
                               op=_restated_op(item, body))
        result.append(item)
    return result


def _before_figure(item: Item) -> str:
    return item.quote[:max(item.quote.find(item.words), 0)]


def _restated_op(headline: Item, body: Item) -> str:
    """`城乡建设用地规模减量至65平方公里` over `…将减量至65平方公里`: reaching down is the
    level of a reported value (`==`) and the cap of the target it restates (`300亿元!` has
    no verb and stays `==`)."""
    before = _before_figure(headline)
    if headline.op == "==" and body.op == "<=" and before.endswith(cues.REACH_DOWN):
        return body.op
    return headline.op


def _lean(votes: list[str]) -> str:
    """The kind at least three in four of the votes say, or ''."""
    if not votes:
        return ""
    top = max(set(votes), key=votes.count)
    return top if votes.count(top) * 4 >= len(votes) * 3 else ""


def _sentence_items(document: Document, sentence: Sentence, reader: Reader,
                    votes: list[str], lean: str = "") -> list[Item]:
    ctx = Ctx.of(document, sentence, votes, lean, reader.decision)
    phrases = list(figures(ctx, reader.lexicon))
    items: list[Item] = []
    previous: Item | None = None
    for run in map(_shared_unit, _runs(ctx, phrases)):
        for phrase in run:
            for item in classify(ctx, phrase, previous, run):
                items.append(item)
                if item.kind != "other" and item.name:
                    previous = item
    items += idioms.find(ctx, [(p.start, p.end) for p in phrases], reader.percent)
    return sorted(items, key=lambda i: (i.line, i.column))


def figures(ctx: Ctx, lexicon: Lexicon) -> Iterator[Phrase]:
    """The figures of a sentence, left to right, outside dates and periods."""
    text, sentence = ctx.document.folded, ctx.sentence
    covered = {i for m in ctx.marks for i in range(m.start, m.end)}
    pos = sentence.start
    while True:
        found = FIGURE_START.search(text, pos, sentence.end)
        if found is None:
            return
        start = found.start()
        pos = start + 1
        if start in covered or (start > 0 and text[start - 1].isdigit()):
            continue
        if text[start] in _CN and start > 0 and text[start - 1] in _CN:
            continue
        phrase = parse(text, start, lexicon, _stop(text, sentence))
        if phrase is None:
            continue
        if chinese_word(text, phrase):
            pos = phrase.end
            continue
        if any(i in covered for i in range(phrase.start, phrase.end)):
            continue
        pos = phrase.end
        phrase = _per_before(text, _with_cell_unit(ctx, phrase, lexicon), lexicon)
        yield _trillion(ctx, _unit_after_base(text, phrase))


_WRAPPED_UNIT = 12  # characters of the next line a figure broken by a PDF's line may take


def _stop(text: str, sentence: Sentence) -> int:
    """Where a figure of the sentence must end: at the sentence's end, or, when a line of
    running text ends there (not a table's cell), a few characters into the next line, so
    that `达到 1.01` / `亿美元` keeps its unit (`phrases.lex` crosses the break only for one)."""
    if sentence.cell is None and text[sentence.end:sentence.end + 1] == "\n":
        return min(len(text), sentence.end + 1 + _WRAPPED_UNIT)
    return sentence.end


_PER = re.compile(r"每([^\d\s,，;；。、]{1,5})$")
_PER_TAIL = 4  # characters after the unit read for its bound (`左右`)


def _per_before(text: str, phrase: Phrase, lexicon: Lexicon) -> Phrase:
    """`降至每立方米56微克左右`: the denominator written before the number and the
    numerator after it are one unit (`微克/立方米`)."""
    found = _PER.search(text, max(0, phrase.start - 6), phrase.start)
    if found is None or phrase.unit is not None or phrase.measure != "none":
        return phrase
    for cut in range(len(found.group(1))):
        per = "/" + found.group(1)[cut:]
        for word in (w for w in lexicon.words if w.endswith(per) and len(w) > len(per)):
            top = word[:-len(per)]
            if not text.startswith(top, phrase.end):
                continue
            after = phrase.end + len(top)
            written = phrase.text + word + text[after:after + _PER_TAIL]
            whole = parse(written, 0, lexicon)
            if whole is None or whole.unit is None or whole.end < len(phrase.text) + len(word):
                continue
            end = after + whole.end - len(phrase.text) - len(word)
            return replace(whole, start=phrase.start, end=end, text=text[phrase.start:end])
    return phrase


# `不少于每千人4.5托位的标准`, `每十万人口12床位`: a rate whose base is written before it.
_BASE_BEFORE = re.compile(r"每(?:[\d.]+|[十百千万亿]+)[\u4e00-\u9fff]{1,3}?(?:口|拥有|有)?$")
_WORD_AFTER = re.compile(r"([\u4e00-\u9fff]{1,4}?)(?=的|[,，;；。、)）\s]|$)")


def _unit_after_base(text: str, phrase: Phrase) -> Phrase:
    """A number with no unit right after the base of its rate (`每千人4.5托位的标准`) is
    counted in the word that follows it, as the text spells it (`托位`): the thing so many of
    which each base has, not a bare number."""
    if phrase.unit is not None or phrase.measure != "none" or phrase.bound or \
            not _BASE_BEFORE.search(text, max(0, phrase.start - 8), phrase.start):
        return phrase
    word = _WORD_AFTER.match(text, phrase.end)
    if word is None:
        return phrase
    end = word.end()
    return replace(phrase, unit=UnitWord(word.group(1)), measure="unit", end=end,
                   text=text[phrase.start:end])


def _with_cell_unit(ctx: Ctx, phrase: Phrase, lexicon: Lexicon) -> Phrase:
    """A table's value cell without a unit takes its row's (`28.4` in `万元/人`)."""
    cell = ctx.sentence.cell
    if cell is None or not cell.unit or phrase.unit is not None or phrase.measure != "none":
        return phrase
    core = phrase.text[:len(phrase.text) - len(phrase.bound)] if phrase.bound else phrase.text
    written = core + cell.unit + phrase.bound
    unit = parse(written, 0, lexicon)
    if unit is None or unit.end != len(written) or unit.unit is None:
        return phrase
    return replace(unit, start=phrase.start, end=phrase.end, text=phrase.text)


_NETWORK = re.compile(r"宽带|带宽|网络|光纤|接入|网速|速率|用户体验|商用|千兆|万兆|百兆|5G|Wi-?Fi",
                      re.IGNORECASE)


def _trillion(ctx: Ctx, phrase: Phrase) -> Phrase:
    """`90兆` is bandwidth in a sentence about networks; elsewhere (`GDP逾90兆`) 兆 is a
    number word, kept as written."""
    word = phrase.unit
    if word is None or not word.text.endswith("兆") or phrase.chinese or \
            _NETWORK.search(ctx.text):
        return phrase
    return replace(phrase, unit=UnitWord(word.text))


def chinese_word(text: str, phrase: Phrase) -> bool:
    """Chinese numerals that are words, not figures: `一批`, `三大`, `十九届`, `第二`."""
    if not phrase.chinese:
        return False
    if phrase.start > 0 and text[phrase.start - 1] == "第":
        return True
    if phrase.measure == "none" and phrase.unit is None:
        return "分之" not in phrase.text
    if any(w in text[max(0, phrase.start - 6):phrase.start] for w in cues.AT_LEAST):
        return False  # 至少建成一座骨干水厂, 不少于一个: a floor of one, no article
    if phrase.unit is not None and phrase.unit.text == cues.TENTHS:
        return text[phrase.end:phrase.end + 1] == "不"  # 两成 is 20 %; 一成不变 an idiom
    return phrase.text[:1] in _ARTICLES and len(phrase.text) <= 2 and phrase.measure == "unit"


def _shared_unit(run: list[Phrase]) -> list[Phrase]:
    """`分别为47、55和55微克/立方米`: bare numbers of a list take the unit its last figure
    states."""
    last = run[-1]
    if len(run) < 2 or last.unit is None or last.measure != "unit":
        return run
    return [replace(p, unit=last.unit, measure=last.measure)
            if p.unit is None and p.measure == "none" and not p.chinese and p.high is None
            else p for p in run]


def _runs(ctx: Ctx, phrases: list[Phrase]) -> Iterator[list[Phrase]]:
    """Figures joined by 、和及与 (`增长7.4%、3.4%`) form one run; others stand alone."""
    run: list[Phrase] = []
    for phrase in phrases:
        if run and len(run) < MAX_RUN and \
                _RUN_GAP.fullmatch(ctx.document.folded[run[-1].end:phrase.start]):
            run.append(phrase)
            continue
        if run:
            yield run
        run = [phrase]
    if run:
        yield run
